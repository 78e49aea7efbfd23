using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine.Evidence;

/// <summary>
/// Turns a parsed evidence document into an <see cref="AuditEvidence"/>, reporting every key and type
/// problem. It always returns what it could read (with placeholders where a required value was unusable),
/// so that the semantic checks in <see cref="Scoring.EvidenceValidator"/> can still run and the user sees every
/// problem of the file at once.
/// </summary>
internal static class EvidenceReader
{
    public const string FormatDoc = "docs/evidence-format.md";

    public static AuditEvidence? Read(ParsedDocument document, DiagnosticBag bag, InputLimits limits)
    {
        var ctx = new ReadContext(document.File, bag, FormatDoc, limits);
        if (!MapReader.IsKind(document.Root, ctx, new Message("diagnostic.file_kind.evidence"), ["company", "audit", "findings"], ["categories", "tiers", "scoring", "total", "extends", "indicators"],
                new Message("diagnostic.file_kind.rubric"), new Message("diagnostic.file_kind.fix_evidence")))
        {
            return null;
        }

        var root = MapReader.Of(document.Root, "evidence", "", ctx);
        if (root is null)
        {
            return null;
        }

        root.Has("$schema");
        var rubric = ReadRubricReference(root, ctx);
        var assessor = root.String("assessor");
        var company = ReadCompany(root.Map("company", required: true), ctx);
        var audit = ReadAudit(root.Map("audit", required: true), ctx);
        var findings = ReadFindings(root, ctx);
        var (deductions, bonuses) = ReadAdjustments(root.Map("adjustments"), ctx);
        var conclusion = root.String("conclusion");
        var decision = ReadDecision(root.Map("decision"));
        var certificate = ReadCertificate(root.Map("certificate"));
        root.Finish();

        return new AuditEvidence
        {
            RubricId = rubric?.Id,
            RubricVersion = rubric?.Version,
            RubricLocation = root.Has("rubric") ? root.ValueLocation("rubric") : null,
            Assessor = assessor,
            AssessorLocation = root.Has("assessor") ? root.ValueLocation("assessor") : null,
            Company = company,
            Audit = audit,
            Findings = findings,
            FindingsLocation = root.Has("findings") ? root.KeyLocation("findings") : root.Location,
            Deductions = deductions,
            Bonuses = bonuses,
            Conclusion = conclusion,
            Decision = decision,
            Certificate = certificate,
            SourceName = document.File,
            Sha256 = document.Sha256,
        };
    }

    /// <summary><c>rubric: ID</c> or <c>rubric: ID@VERSION</c> (a version pin).</summary>
    private static RubricReference? ReadRubricReference(MapReader root, ReadContext ctx)
    {
        var node = root.Get("rubric");
        var text = node is null ? null : Values.String(node, "rubric", ctx);
        if (text is null)
        {
            return null;
        }

        if (RubricReference.TryParse(text, out var reference))
        {
            return reference;
        }

        ctx.Report(EngineDiagnostics.InvalidRubricReference, node!, ("value", Values.Shorten(text)));
        return null;
    }

    private static Company ReadCompany(MapReader? map, ReadContext ctx)
    {
        if (map is null)
        {
            return new Company { Name = "" };
        }

        var company = new Company
        {
            Name = map.String("name", required: true) ?? "",
            CreditCode = map.String("credit_code"),
            CreditCodeLocation = map.ValueLocation("credit_code"),
            Location = map.Location,
            Address = map.String("address"),
            Scope = map.String("scope"),
            Contact = map.String("contact"),
        };
        map.Finish();
        return company;
    }

    private static AuditInfo ReadAudit(MapReader? map, ReadContext ctx)
    {
        if (map is null)
        {
            return new AuditInfo { Kind = AuditKind.Initial, KindRead = false };
        }

        var kind = map.Enum("kind", Words.AuditKinds, required: true);
        var dates = new List<DateOnly>();
        var dateLocations = new List<SourceLocation>();
        foreach (var node in ScalarOrList(map, "dates", ctx))
        {
            if (Values.Date(node, "dates", ctx) is { } date)
            {
                dates.Add(date);
                dateLocations.Add(ctx.At(node));
            }
        }

        var team = new List<TeamMember>();
        var teamList = map.List("team");
        if (teamList is not null)
        {
            for (var i = 0; i < teamList.Items.Count; i++)
            {
                var member = MapReader.Of(teamList.Items[i], "team", $"{map.Child("team")}[{i}]", ctx);
                if (member is null)
                {
                    continue;
                }

                team.Add(new TeamMember
                {
                    Name = member.String("name", required: true) ?? "",
                    Role = member.String("role") ?? "member",
                    Registration = member.String("registration"),
                });
                member.Finish();
            }
        }

        var info = new AuditInfo
        {
            // A missing or invalid kind is already an error; the placeholder only lets the other checks run.
            Kind = kind ?? AuditKind.Initial,
            KindRead = kind is not null,
            Dates = dates,
            DateLocations = dateLocations,
            Team = team,
            Body = map.String("body"),
            Reference = map.String("reference"),
            Sites = ScalarOrList(map, "sites", ctx).Select(n => Values.String(n, "sites", ctx)).OfType<string>().ToArray(),
            Stage = map.Integer("stage", 1, 2) ?? 2,
            Objectives = map.String("objectives"),
            Criteria = ScalarOrList(map, "criteria", ctx).Select(n => Values.String(n, "criteria", ctx)).OfType<string>().ToArray(),
            PersonDays = map.Decimal("person_days"),
            NotCovered = ScalarOrList(map, "not_covered", ctx).Select(n => Values.String(n, "not_covered", ctx)).OfType<string>().ToArray(),
            Previous = map.String("previous"),
            PreviousLocation = map.Has("previous") ? map.ValueLocation("previous") : null,
            KeyLocations = KeyLocations(map, "stage", "person_days", "criteria", "dates"),
            Location = map.Location,
        };
        map.Finish();
        return info;
    }

    private static List<Finding> ReadFindings(MapReader root, ReadContext ctx)
    {
        var findings = new List<Finding>();
        var list = root.List("findings", required: true);
        if (list is null)
        {
            return findings;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var map = MapReader.Of(list.Items[i], "findings", $"findings[{i}]", ctx);
            if (map is not null)
            {
                findings.Add(ReadFinding(map, ctx));
            }
        }

        return findings;
    }

    /// <summary>
    /// Reads a finding, or with <paramref name="assessment"/> one assessor's record inside <c>assessments:</c>, which
    /// names no item or indicator (its finding does) and holds no assessments of its own (the keys are reported as unknown).
    /// </summary>
    private static Finding ReadFinding(MapReader map, ReadContext ctx, bool assessment = false)
    {
        Sample? sample = null;
        var sampleMap = map.Map("sample");
        if (sampleMap is not null)
        {
            var size = sampleMap.Integer("size", 0, 1_000_000, required: true);
            var conforming = sampleMap.Integer("conforming", -1_000_000, 1_000_000, required: true);
            sampleMap.Finish();
            if (size is not null && conforming is not null)
            {
                sample = new Sample(size.Value, conforming.Value);
            }
        }

        var methods = new List<EvidenceMethod>();
        foreach (var node in ScalarOrList(map, "methods", ctx))
        {
            if (Values.Enum(node, "methods", Rules.Documents.Words.Methods, ctx) is { } method && !methods.Contains(method))
            {
                methods.Add(method);
            }
        }

        var assessments = new List<Finding>();
        var assessmentList = assessment ? null : map.List("assessments", allowEmpty: false);
        if (assessmentList is not null)
        {
            for (var i = 0; i < assessmentList.Items.Count; i++)
            {
                var entry = MapReader.Of(assessmentList.Items[i], "assessments", $"{map.Child("assessments")}[{i}]", ctx);
                if (entry is not null)
                {
                    assessments.Add(ReadFinding(entry, ctx, assessment: true));
                }
            }
        }

        if (assessment)
        {
            map.Required("by"); // An assessment is nobody's without it; reported as a missing key.
        }

        var finding = new Finding
        {
            Item = assessment ? null : map.Id("item"),
            Indicator = assessment ? null : map.Id("indicator"),
            By = ScalarOrList(map, "by", ctx).Select(n => Values.String(n, "by", ctx)).OfType<string>().Select(n => n.Trim()).ToArray(),
            Assessments = assessments,
            Result = map.Enum("result", Words.Results),
            Points = map.Decimal("points"),
            Sample = sample,
            Grade = map.Enum("grade", Words.Grades),
            Methods = methods,
            Evidence = ScalarOrList(map, "evidence", ctx).Select(n => Values.String(n, "evidence", ctx)).OfType<string>().ToArray(),
            Note = map.String("note"),
            Reason = map.String("reason"),
            Nc = assessment ? null : ReadNc(map.Map("nc")), // The record belongs to the team's finding, not to one assessor's view of it.
            Location = map.Location,
            KeyLocations = assessment
                ? KeyLocations(map, "result", "points", "sample", "grade", "reason", "by")
                : KeyLocations(map, "item", "indicator", "result", "points", "sample", "grade", "reason", "by", "assessments", "nc", "methods"),
        };

        // 'assessed_by' (one name, written by workbooks before their assessor column held the team's 'by') is read as 'by', with a warning.
        if (map.Has("assessed_by"))
        {
            ctx.Report(EngineDiagnostics.AssessedByRenamed, map.KeyLocation("assessed_by"));
            if (map.String("assessed_by") is { } name && finding.By.Count == 0)
            {
                finding = finding with { By = [name.Trim()] };
            }
        }
        map.Finish();
        return finding;
    }

    private static NonconformityRecord? ReadNc(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var record = new NonconformityRecord
        {
            Id = map.String("id", required: true) ?? "",
            ConfirmedBy = map.String("confirmed_by"),
            RootCause = map.String("root_cause"),
            Action = map.String("action"),
            Due = map.Date("due"),
            Status = map.Enum("status", Words.CorrectionStatuses) ?? CorrectionStatus.Open,
            VerifiedBy = map.String("verified_by"),
            VerifiedOn = map.Date("verified_on"),
            Location = map.Location,
            KeyLocations = KeyLocations(map, "id", "status", "due", "verified_by", "verified_on", "action"),
        };
        map.Finish();
        return record;
    }

    private static CertificationDecision? ReadDecision(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var decision = new CertificationDecision
        {
            Tier = map.Id("tier", required: true) ?? "",
            By = map.String("by"),
            On = map.Date("on"),
            KeyLocations = KeyLocations(map, "tier", "on"),
        };
        map.Finish();
        return decision;
    }

    private static Certificate? ReadCertificate(MapReader? map)
    {
        if (map is null)
        {
            return null;
        }

        var certificate = new Certificate
        {
            Number = map.String("number"),
            Issued = map.Date("issued"),
            Expires = map.Date("expires"),
            KeyLocations = KeyLocations(map, "number", "issued", "expires"),
        };
        map.Finish();
        return certificate;
    }

    private static (List<Deduction> Deductions, List<Bonus> Bonuses) ReadAdjustments(MapReader? map, ReadContext ctx)
    {
        var deductions = new List<Deduction>();
        var bonuses = new List<Bonus>();
        if (map is null)
        {
            return (deductions, bonuses);
        }

        var list = map.List("deductions");
        if (list is not null)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                var entry = MapReader.Of(list.Items[i], "deductions", $"adjustments.deductions[{i}]", ctx);
                if (entry is null)
                {
                    continue;
                }

                deductions.Add(new Deduction
                {
                    Points = entry.Decimal("points"),
                    Reason = entry.String("reason", required: true) ?? "",
                    Basis = entry.String("basis"),
                    Item = entry.Id("item"),
                    Location = entry.Location,
                    KeyLocations = KeyLocations(entry, "points", "item"),
                });
                entry.Finish();
            }
        }

        // The format shows one bonus as a mapping; a list is accepted so that a rubric allowing more can use it.
        var bonusNode = map.Get("bonus");
        var bonusMaps = bonusNode switch
        {
            DocSequence sequence => sequence.Items.Select((n, i) => MapReader.Of(n, "bonus", $"adjustments.bonus[{i}]", ctx)),
            null => [],
            _ => [MapReader.Of(bonusNode, "bonus", "adjustments.bonus", ctx)],
        };
        foreach (var entry in bonusMaps)
        {
            if (entry is null)
            {
                continue;
            }

            bonuses.Add(new Bonus
            {
                Points = entry.Decimal("points"),
                Reason = entry.String("reason", required: true) ?? "",
                Basis = entry.String("basis"),
                Location = entry.Location,
                KeyLocations = KeyLocations(entry, "points"),
            });
            entry.Finish();
        }

        map.Finish();
        return (deductions, bonuses);
    }

    /// <summary>Free-text lists (evidence, methods, dates, sites) also accept a single value for a list of one.</summary>
    private static IEnumerable<DocNode> ScalarOrList(MapReader map, string key, ReadContext ctx)
    {
        var node = map.Get(key);
        switch (node)
        {
            case null:
                return [];
            case DocScalar scalar:
                return [scalar];
            case DocSequence sequence when sequence.Items.Count > ctx.Limits.MaxListEntries:
                ctx.Report(DiagnosticCatalog.TooManyEntries, sequence, ("key", key), ("count", sequence.Items.Count), ("limit", ctx.Limits.MaxListEntries));
                return [];
            case DocSequence sequence:
                return sequence.Items;
            default:
                ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.List), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
                return [];
        }
    }

    private static Dictionary<string, SourceLocation> KeyLocations(MapReader map, params string[] keys)
    {
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            // Only keys written with a value: an empty value counts as absent, so "result:" alone is still reported.
            if (map.Get(key) is not null)
            {
                locations[key] = map.ValueLocation(key);
            }
        }

        return locations;
    }
}
