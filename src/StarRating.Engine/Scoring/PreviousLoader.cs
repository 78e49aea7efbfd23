using System.Globalization;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine.Scoring;

/// <summary>
/// Reads the audit an evidence file names in <c>audit.previous</c>: an evidence file (scored with the same rubric,
/// following its own <c>previous:</c> in turn) or a JSON result. The path is relative to the evidence file and must stay
/// inside the folder of the first file of the chain, links included; every problem is reported at the <c>previous:</c>
/// that names the file.
/// </summary>
internal static class PreviousLoader
{
    private const string ResultFormat = "starrating-result/1";

    public static LoadedPrevious? Load(AuditEvidence evidence, AuditEngine engine, DiagnosticBag bag, IReadOnlyList<string> visited)
    {
        var written = evidence.Audit.Previous!;
        var at = evidence.Audit.PreviousLocation ?? SourceLocation.WholeFile(evidence.SourceName);
        var current = Path.GetFullPath(Path.Combine(engine.PreviousFolder ?? Environment.CurrentDirectory, evidence.SourceName));
        var chain = visited.Count == 0 ? [current] : visited;
        var root = Path.GetDirectoryName(chain[0])!;
        var folder = Path.GetDirectoryName(current)!;

        if (Path.IsPathRooted(written) || written.Contains('\0', StringComparison.Ordinal))
        {
            bag.Add(EngineDiagnostics.PreviousPathRefused, at, ("path", Values.Shorten(written)));
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folder, written));
        if (!Inside(full, root))
        {
            bag.Add(EngineDiagnostics.PreviousPathRefused, at, ("path", Values.Shorten(written)));
            return null;
        }

        if (chain.Contains(full, StringComparer.Ordinal))
        {
            var names = chain.Append(full).Select(p => Path.GetRelativePath(root, p));
            bag.Add(EngineDiagnostics.PreviousCycle, at, ("path", Values.Shorten(written)), ("chain", string.Join(" → ", names)));
            return null;
        }

        if (chain.Count > engine.MaxPreviousDepth)
        {
            bag.Add(EngineDiagnostics.PreviousTooDeep, at, ("limit", engine.MaxPreviousDepth));
            return null;
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            bag.Add(EngineDiagnostics.PreviousNotFound, at, ("path", Values.Shorten(written)));
            return null;
        }

        // A link may point anywhere: the file read must itself lie inside the chain's folder.
        if (info.LinkTarget is not null && (info.ResolveLinkTarget(returnFinalTarget: true) is not { } target || !Inside(target.FullName, root)))
        {
            bag.Add(EngineDiagnostics.PreviousPathRefused, at, ("path", Values.Shorten(written)));
            return null;
        }

        var display = Path.Combine(Path.GetDirectoryName(evidence.SourceName) ?? "", written);
        var own = new DiagnosticBag();
        var document = DocumentLoader.LoadFile(full, display, engine.Limits, own);
        LoadedPrevious? previous = null;
        if (document is not null)
        {
            previous = FormatOf(document) is { } format
                ? format == ResultFormat ? ReadResult(document, written, at, engine.Rubric, bag, own) : NotAnAudit(written, at, format, bag)
                : ScoreEvidence(document, written, at, engine, bag, own, chain.Append(full).ToArray());
        }

        if (own.HasErrors)
        {
            bag.AddRange(own.Items.Where(d => d.Severity == DiagnosticSeverity.Error));
            bag.Add(EngineDiagnostics.PreviousInvalid, at, ("path", Values.Shorten(written)), ("count", own.Items.Count(d => d.Severity == DiagnosticSeverity.Error)));
            return null;
        }

        if (previous is null)
        {
            return null;
        }

        Check(previous, evidence, engine.Rubric, written, at, bag);
        return previous;
    }

    private static bool Inside(string path, string root)
    {
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string? FormatOf(ParsedDocument document) =>
        document.Root is DocMapping map && Field(map, "format") is DocScalar { IsNull: false } format ? format.Value : null;

    private static LoadedPrevious? NotAnAudit(string written, SourceLocation at, string format, DiagnosticBag bag)
    {
        bag.Add(EngineDiagnostics.PreviousNotAudit, at, ("path", Values.Shorten(written)), ("found", "format: " + Values.Shorten(format)));
        return null;
    }

    private static LoadedPrevious? ScoreEvidence(ParsedDocument document, string written, SourceLocation at, AuditEngine engine, DiagnosticBag bag, DiagnosticBag own, IReadOnlyList<string> chain)
    {
        var evidence = new EvidenceLoader(engine.Limits).Read(document, own);
        if (evidence is null || own.HasErrors)
        {
            return null;
        }

        if (evidence.RubricId is { } id && id != engine.Rubric.Id)
        {
            bag.Add(EngineDiagnostics.PreviousOtherRubric, at, ("path", Values.Shorten(written)), ("before", id), ("after", engine.Rubric.Id));
            return null;
        }

        // The previous audit is scored as it was, whatever version it pins: the pin is compared below, as diff does.
        var scorer = new AuditEngine(engine.Rubric, engine.Limits) { StrictVersion = false, MaxPreviousDepth = engine.MaxPreviousDepth, PreviousFolder = engine.PreviousFolder };
        var outcome = scorer.Run(evidence, own, chain);
        if (outcome.Value is not { } result)
        {
            return null;
        }

        var policy = engine.Rubric.Scoring;
        return new LoadedPrevious(
            written,
            at,
            result.Company.Name,
            result.Company.CreditCode,
            engine.Rubric.Id,
            evidence.RubricVersion ?? engine.Rubric.Version,
            result.Audit.Kind,
            result.Audit.Dates,
            result.Score,
            result.Score.ToString("F" + policy.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            result.Tier.Id,
            result.Tier.Label,
            result.Items
                .Where(i => i.Grade is NonconformityGrade.Major or NonconformityGrade.Minor)
                .Select(i => new LoadedNonconformity(i.Item.Id, i.Grade!.Value, i.Finding?.Nc?.Id, i.Finding?.Nc?.Status, i.Finding?.Nc?.Due))
                .ToArray(),
            result.Surveillance);
    }

    /// <summary>Reads what the chain needs from a result written by <c>--format json</c>; anything malformed is SR3128.</summary>
    private static LoadedPrevious? ReadResult(ParsedDocument document, string written, SourceLocation at, Rubric rubric, DiagnosticBag bag, DiagnosticBag own)
    {
        _ = own;
        var root = (DocMapping)document.Root;
        try
        {
            var rubricMap = Map(root, "rubric");
            var company = Map(root, "company");
            var audit = Map(root, "audit");
            var tier = Map(root, "tier");
            var id = Text(rubricMap, "id")!;
            if (id != rubric.Id)
            {
                bag.Add(EngineDiagnostics.PreviousOtherRubric, at, ("path", Values.Shorten(written)), ("before", id), ("after", rubric.Id));
                return null;
            }

            var label = Map(tier, "label");
            var ncs = new List<LoadedNonconformity>();
            foreach (var node in ((DocSequence)Field(root, "items")!).Items)
            {
                var item = (DocMapping)node;
                if (Text(item, "grade") is { } grade && Words.Grades.TryGet(grade, out var g) && g != NonconformityGrade.Observation)
                {
                    var nc = Field(item, "nc") as DocMapping;
                    CorrectionStatus? status = nc is not null && Text(nc, "status") is { } s && Words.CorrectionStatuses.TryGet(s, out var cs) ? cs : null;
                    ncs.Add(new LoadedNonconformity(Text(item, "id")!, g, nc is null ? null : Text(nc, "id"), status, nc is null ? null : Day(Text(nc, "due"))));
                }
            }

            SurveillanceSchedule? schedule = null;
            if (Field(root, "surveillance") is DocMapping s2 && Day(Text(s2, "anchor")) is { } anchor && Day(Text(s2, "next_due")) is { } next)
            {
                schedule = new SurveillanceSchedule(anchor, int.Parse(Text(s2, "interval_months")!, CultureInfo.InvariantCulture), Day(Text(s2, "due")), Text(s2, "overdue") == "true", next);
            }

            var total = Text(root, "total")!;
            Words.AuditKinds.TryGet(Text(audit, "kind")!, out var kind);
            return new LoadedPrevious(
                written,
                at,
                Text(company, "name")!,
                Text(company, "credit_code"),
                id,
                Text(rubricMap, "version")!,
                kind,
                ((DocSequence)Field(audit, "dates")!).Items.Select(n => Day(((DocScalar)n).Value)!.Value).ToArray(),
                decimal.Parse(total, NumberStyles.Number, CultureInfo.InvariantCulture),
                total,
                Text(tier, "id")!,
                new LocalizedText(Text(label, "zh")!, Text(label, "en")),
                ncs,
                schedule);
        }
        catch (Exception e) when (e is InvalidCastException or NullReferenceException or FormatException or OverflowException or KeyNotFoundException)
        {
            bag.Add(EngineDiagnostics.PreviousNotAudit, at, ("path", Values.Shorten(written)), ("found", "format: " + ResultFormat + "?"));
            return null;
        }
    }

    private static void Check(LoadedPrevious previous, AuditEvidence evidence, Rubric rubric, string written, SourceLocation at, DiagnosticBag bag)
    {
        var company = evidence.Company;
        var same = previous.CreditCode is { } before && company.CreditCode is { } now
            ? string.Equals(before, now, StringComparison.OrdinalIgnoreCase)
            : string.Equals(previous.CompanyName.Trim(), company.Name.Trim(), StringComparison.Ordinal);
        if (!same)
        {
            bag.Add(EngineDiagnostics.PreviousOtherCompany, at, ("path", Values.Shorten(written)), ("before", previous.CompanyName), ("after", company.Name));
        }

        if (previous.RubricVersion != rubric.Version)
        {
            bag.Add(EngineDiagnostics.PreviousRubricVersion, at, ("path", Values.Shorten(written)), ("before", previous.RubricVersion), ("id", rubric.Id), ("after", rubric.Version));
        }

        if (previous.Dates.Count > 0 && evidence.Audit.Dates.Count > 0 && previous.Dates.Max() >= evidence.Audit.Dates.Min())
        {
            bag.Add(EngineDiagnostics.PreviousNotBefore, at, ("path", Values.Shorten(written)), ("before", CycleChecks.Day(previous.Dates.Max())), ("after", CycleChecks.Day(evidence.Audit.Dates.Min())));
        }
    }

    private static DocNode? Field(DocMapping map, string key) => map.Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    private static DocMapping Map(DocMapping map, string key) => (DocMapping)Field(map, key)!;

    private static string? Text(DocMapping map, string key) => Field(map, key) is DocScalar { IsNull: false } scalar ? scalar.Value : null;

    private static DateOnly? Day(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
