using System.Globalization;
using System.Text.RegularExpressions;
using StarRating.Rules;
using StarRating.Rules.Documents;
using StarRating.Workbook.Xlsx;
using static StarRating.Workbook.Layout.Columns;
using T = StarRating.Workbook.WorkbookText;

namespace StarRating.Workbook.Layout;

/// <summary>
/// Builds the evidence document tree from a workbook's cells, in the shape of an evidence file, every value marked
/// with its cell. Only what is specific to workbooks is checked here (formulas and error values in input cells,
/// control characters and lengths, adjustment types); everything else is left to the evidence reader and the
/// engine, which check a workbook exactly as they check a YAML file.
/// </summary>
internal sealed partial class EvidenceTree
{
    private readonly PackageReader package;
    private readonly WorkbookParts parts;
    private readonly Rubric rubric;
    private readonly InputLimits inputLimits;
    private readonly WorkbookLimits limits;
    private int cellBudget;

    private EvidenceTree(PackageReader package, WorkbookParts parts, Rubric rubric, WorkbookLimits limits, InputLimits inputLimits)
    {
        this.package = package;
        this.parts = parts;
        this.rubric = rubric;
        this.limits = limits;
        this.inputLimits = inputLimits;
        cellBudget = limits.MaxCells;
    }

    private string File => package.File;

    private List<Diagnostic> Diagnostics => package.Diagnostics;

    public static DocMapping? Build(PackageReader package, WorkbookParts parts, Rubric rubric, WorkbookLimits limits, InputLimits inputLimits) =>
        new EvidenceTree(package, parts, rubric, limits, inputLimits).Build();

    private DocMapping? Build()
    {
        var auditSheet = FindSheet(AuditRole, T.AuditSheet);
        var itemsSheet = FindSheet(ItemsRole, T.ItemsSheet);
        var adjustmentsSheet = FindSheet(AdjustmentsRole, T.AdjustmentsSheet);
        // Optional: workbooks written before them, or with no nonconformities or assessments, may lack them.
        var ncSheet = FindSheet(NonconformitiesRole, T.NcSheet);
        var assessmentsSheet = FindSheet(AssessmentsRole, T.AssessmentsSheet);
        var missing = false;
        foreach (var (sheet, name) in new[] { (auditSheet, T.AuditSheet), (itemsSheet, T.ItemsSheet) })
        {
            if (sheet is null)
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookSheetMissing.Create(SourceLocation.WholeFile(File), ("sheet", Both(name))));
                missing = true;
            }
        }

        if (missing)
        {
            return null;
        }

        // A sheet stopped by a limit stops the reading: the limits are for the whole workbook.
        var audit = Sheet.Read(this, auditSheet!);
        var items = audit is null ? null : Sheet.Read(this, itemsSheet!);
        var adjustments = items is null || adjustmentsSheet is null ? null : Sheet.Read(this, adjustmentsSheet);
        var nonconformities = items is null || ncSheet is null ? null : Sheet.Read(this, ncSheet);
        var assessments = items is null || assessmentsSheet is null ? null : Sheet.Read(this, assessmentsSheet);
        if (audit is null || items is null || (adjustmentsSheet is not null && adjustments is null)
            || (ncSheet is not null && nonconformities is null) || (assessmentsSheet is not null && assessments is null))
        {
            return null;
        }

        var root = new DocMapping(audit.Mark(1, 1));
        ReadAudit(audit, root);
        var findings = ReadFindings(items, root);
        if (findings is not null && nonconformities is not null)
        {
            ReadNonconformities(nonconformities, findings.Value.ById);
        }

        if (findings is not null && assessments is not null)
        {
            ReadAssessments(assessments, findings.Value.List, findings.Value.ById);
        }

        if (adjustments is not null)
        {
            ReadAdjustments(adjustments, root);
        }

        return root;
    }

    /// <summary>A sheet by its hidden role name (survives renaming and moving), else by its name in either language.</summary>
    private SheetInfo? FindSheet(string role, LocalizedText name)
    {
        if (parts.DefinedNames.TryGetValue(role, out var formula))
        {
            var bang = formula.LastIndexOf('!');
            if (bang > 0)
            {
                var sheetName = formula[..bang].Trim();
                if (sheetName.Length >= 2 && sheetName[0] == '\'' && sheetName[^1] == '\'')
                {
                    sheetName = sheetName[1..^1].Replace("''", "'", StringComparison.Ordinal);
                }

                if (parts.Sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.Ordinal)) is { } byRole)
                {
                    return byRole;
                }
            }
        }

        return parts.Sheets.FirstOrDefault(s => string.Equals(s.Name, name.Zh, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Name, name.En, StringComparison.OrdinalIgnoreCase));
    }

    // ---- the audit sheet ----------------------------------------------------------------------------------------

    private void ReadAudit(Sheet sheet, DocMapping root)
    {
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        var teamRows = new List<int>();
        var labels = T.AuditFields.ToDictionary(f => f.Key, f => f.Label);
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var key = sheet.Text(row, AuditKey)?.Trim();
            if (key == TeamKey)
            {
                teamRows.Add(row);
            }
            else if (key is not null && labels.ContainsKey(key))
            {
                fields.TryAdd(key, row);
            }
            else if (sheet.Text(row, AuditLabel)?.Trim() is { } label
                && T.AuditFields.FirstOrDefault(f => Same(label, f.Label.Zh) || Same(label, f.Label.En ?? "")) is { Key: { } labelKey })
            {
                // Without the hidden key column, the label in column B finds the field (the last such row: section
                // headings come before their field).
                byLabel[labelKey] = row;
            }
        }

        foreach (var (key, row) in byLabel)
        {
            fields.TryAdd(key, row);
        }

        // Rows a user inserted into the team table (no key in column A) are found below the table's header.
        teamRows = teamRows.Union(TeamRowsByHeader(sheet)).Order().ToList();

        DocNode? Value(string key, Func<RawCell, DocNode?>? convert = null)
        {
            if (!fields.TryGetValue(key, out var row))
            {
                return null;
            }

            var cell = sheet.Input(row, AuditValue);
            return cell is null ? null : convert is null ? sheet.TextNode(cell) : convert(cell);
        }

        Mark At(string key) => fields.TryGetValue(key, out var row) ? sheet.Mark(row, AuditValue) : sheet.Mark(1, 1);

        if (Value("rubric") is { } rubricNode)
        {
            root.Add(Key("rubric", rubricNode), rubricNode);
        }

        var company = new DocMapping(At("company.name"));
        foreach (var key in new[] { "company.name", "company.credit_code", "company.address", "company.scope", "company.contact" })
        {
            Put(company, key["company.".Length..], Value(key));
        }

        root.Add(Key("company", company), company);

        var audit = new DocMapping(At("audit.kind"));
        Put(audit, "kind", Value("audit.kind", c => sheet.WordNode(c, Vocabulary.Kinds)));
        Put(audit, "dates", Value("audit.dates", sheet.DatesNode));
        var team = new DocSequence(teamRows.Count > 0 ? sheet.Mark(teamRows[0], AuditValue) : At("audit.kind"));
        foreach (var row in teamRows)
        {
            var name = sheet.Input(row, AuditValue);
            var role = sheet.Input(row, TeamRole);
            var registration = sheet.Input(row, TeamRegistration);
            if (name is null && role is null && registration is null)
            {
                continue;
            }

            var member = new DocMapping(sheet.Mark(row, AuditValue));
            Put(member, "name", name is null ? null : sheet.TextNode(name));
            Put(member, "role", role is null ? null : sheet.RoleNode(role));
            Put(member, "registration", registration is null ? null : sheet.TextNode(registration));
            team.Add(member);
        }

        if (team.Items.Count > 0)
        {
            audit.Add(Key("team", team), team);
        }

        Put(audit, "body", Value("audit.body"));
        Put(audit, "reference", Value("audit.reference"));
        Put(audit, "sites", Value("audit.sites", sheet.LinesNode));
        Put(audit, "stage", Value("audit.stage", c => sheet.WordNode(c, Vocabulary.Stages)));
        Put(audit, "objectives", Value("audit.objectives"));
        Put(audit, "criteria", Value("audit.criteria", sheet.LinesNode));
        Put(audit, "person_days", Value("audit.person_days", sheet.NumberNode));
        Put(audit, "not_covered", Value("audit.not_covered", sheet.LinesNode));
        Put(audit, "previous", Value("audit.previous"));
        root.Add(Key("audit", audit), audit);
        if (Value("assessor") is { } assessor)
        {
            root.Add(Key("assessor", assessor), assessor);
        }

        if (Value("conclusion") is { } conclusion)
        {
            root.Add(Key("conclusion", conclusion), conclusion);
        }

        // A tier by its label in either language or by its id.
        var tiers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tier in rubric.Tiers)
        {
            foreach (var word in new[] { tier.Id, tier.Label.Zh, tier.Label.En ?? tier.Label.Zh })
            {
                tiers.TryAdd(word.Trim(), tier.Id);
            }
        }

        var decision = new DocMapping(At("decision.tier"));
        Put(decision, "tier", Value("decision.tier", c => sheet.WordNode(c, tiers)));
        Put(decision, "by", Value("decision.by"));
        Put(decision, "on", Value("decision.on", sheet.DateNode));
        if (decision.Entries.Count > 0)
        {
            root.Add(Key("decision", decision), decision);
        }

        var certificate = new DocMapping(At("certificate.number"));
        Put(certificate, "number", Value("certificate.number"));
        Put(certificate, "issued", Value("certificate.issued", sheet.DateNode));
        Put(certificate, "expires", Value("certificate.expires", sheet.DateNode));
        if (certificate.Entries.Count > 0)
        {
            root.Add(Key("certificate", certificate), certificate);
        }
    }

    private static IEnumerable<int> TeamRowsByHeader(Sheet sheet)
    {
        var header = sheet.Rows.FirstOrDefault(r => sheet.Text(r, AuditValue)?.Trim() is { } t && (Same(t, T.TeamName.Zh) || Same(t, T.TeamName.En!)));
        if (header == 0)
        {
            yield break;
        }

        foreach (var row in sheet.Rows.Where(r => r > header))
        {
            if (sheet.Text(row, AuditLabel) is not null)
            {
                yield break;
            }

            yield return row;
        }
    }

    // ---- the check items sheet ------------------------------------------------------------------------------------

    /// <summary>The findings read, and each item's or indicator's findings by its id (for the records of other sheets).</summary>
    private readonly record struct Findings(DocSequence List, Dictionary<string, List<DocMapping>> ById);

    private Findings? ReadFindings(Sheet sheet, DocMapping root)
    {
        // A workbook written before the column held the team's 'by' has the key 'assessed_by' (the same header): read as 'by'.
        string[] keys = [.. ItemKeys, LegacyByKey];
        LocalizedText[] labels = [.. ItemLabels(), T.By];
        var columns = sheet.Columns(keys, labels, out var dataRow);
        if (!columns.ContainsKey("by") && columns.TryGetValue(LegacyByKey, out var legacyColumn))
        {
            columns["by"] = legacyColumn;
        }

        string[] required = ["id", "result", "points", "sample.size", "sample.conforming", "grade", "methods", "evidence", "note", "reason", "by"];
        if (!sheet.RequireColumns(columns, required, keys, labels))
        {
            return null;
        }

        var byId = new Dictionary<string, List<DocMapping>>(StringComparer.Ordinal);

        var findingsMark = sheet.Mark(Math.Max(1, dataRow - 1), columns["result"]);
        var findings = new DocSequence(findingsMark);
        int C(string key) => columns[key];
        foreach (var row in sheet.Rows.Where(r => r >= dataRow))
        {
            var id = sheet.Input(row, C("id"));
            var result = sheet.Input(row, C("result"));
            var points = sheet.Input(row, C("points"));
            var size = sheet.Input(row, C("sample.size"));
            var conforming = sheet.Input(row, C("sample.conforming"));
            var grade = sheet.Input(row, C("grade"));
            var methods = sheet.Input(row, C("methods"));
            var evidence = sheet.Input(row, C("evidence"));
            var note = sheet.Input(row, C("note"));
            var reason = sheet.Input(row, C("reason"));
            var assessor = sheet.Input(row, C("by"));
            RawCell?[] inputs = [result, points, size, conforming, grade, methods, evidence, note, reason, assessor];
            if (inputs.All(c => c is null))
            {
                continue; // Not assessed (or a category or indicator row with nothing on it).
            }

            var finding = new DocMapping(sheet.Mark(row, C("result")));
            if (id is not null)
            {
                var idText = Target(finding, sheet.TextNode(id));
                (byId.TryGetValue(idText, out var same) ? same : byId[idText] = []).Add(finding);
            }

            Put(finding, "result", result is null ? null : sheet.WordNode(result, Vocabulary.Results));
            Put(finding, "points", points is null ? null : sheet.NumberNode(points));
            if (size is not null || conforming is not null)
            {
                // Located at the count that is missing, if one is, so the message points where to type it.
                var sample = new DocMapping(sheet.Mark(row, size is null ? C("sample.size") : conforming is null ? C("sample.conforming") : C("sample.size")));
                Put(sample, "size", size is null ? null : sheet.NumberNode(size));
                Put(sample, "conforming", conforming is null ? null : sheet.NumberNode(conforming));
                finding.Add(Key("sample", sample), sample);
            }

            Put(finding, "grade", grade is null ? null : sheet.WordNode(grade, Vocabulary.Grades));
            Put(finding, "methods", methods is null ? null : sheet.MethodsNode(methods));
            Put(finding, "evidence", evidence is null ? null : sheet.LinesNode(evidence));
            Put(finding, "note", note is null ? null : sheet.TextNode(note));
            Put(finding, "reason", reason is null ? null : sheet.TextNode(reason));
            Put(finding, "by", assessor is null ? null : sheet.NamesNode(assessor));
            findings.Add(finding);
        }

        root.Add(new DocScalar(findingsMark, "findings", isQuoted: false, isNull: false), findings);
        return new Findings(findings, byId);
    }

    /// <summary>Puts the id as <c>item</c> or <c>indicator</c> (an indicator id the rubric has, and no item of that id); returns it trimmed.</summary>
    private string Target(DocMapping finding, DocNode idNode)
    {
        var idText = (idNode as DocScalar)?.Value.Trim() ?? "";
        Put(finding, rubric.FindIndicator(idText) is not null && rubric.FindItem(idText) is null ? "indicator" : "item", idNode);
        return idText;
    }

    // ---- the nonconformities sheet ---------------------------------------------------------------------------------

    /// <summary>
    /// Each row is one finding's nonconformity record (<c>nc:</c>), found by the item's or indicator's id: the first
    /// finding of that id on the check items sheet without a record yet. A row naming no finding is SR6040, a second
    /// record for one finding SR6042.
    /// </summary>
    private void ReadNonconformities(Sheet sheet, Dictionary<string, List<DocMapping>> byId)
    {
        LocalizedText[] labels = [new(""), T.Id, new(""), new(""), T.NcId, T.NcConfirmedBy, T.NcRootCause, T.NcAction, T.NcDue, T.NcStatus, T.NcVerifiedBy, T.NcVerifiedOn];
        var columns = sheet.Columns(NcKeys, labels, out var dataRow);
        string[] required = ["item", "id", "confirmed_by", "root_cause", "action", "due", "status", "verified_by", "verified_on"];
        if (!sheet.RequireColumns(columns, required, NcKeys, labels))
        {
            return;
        }

        var recordRows = new Dictionary<DocMapping, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in sheet.Rows.Where(r => r >= dataRow))
        {
            var item = sheet.Input(row, columns["item"]);
            var cells = required.Skip(1).Select(key => (Key: key, Cell: sheet.Input(row, columns[key]))).ToArray();
            if (cells.All(c => c.Cell is null))
            {
                continue; // An empty row (or an id typed ahead, with nothing recorded yet).
            }

            if (item is null || (sheet.TextNode(item) as DocScalar)?.Value.Trim() is not { Length: > 0 } id)
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookRecordWithoutId.Create(SourceLocation.InCell(File, sheet.Name, row, columns["item"]), ("sheet", Both(T.NcSheet))));
                continue;
            }

            var location = SourceLocation.InCell(File, sheet.Name, row, columns["item"]);
            if (!byId.TryGetValue(id, out var findings))
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookRecordWithoutFinding.Create(location, ("id", Shorten(id))));
                continue;
            }

            if (findings.FirstOrDefault(f => !recordRows.ContainsKey(f)) is not { } finding)
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookNcTwice.Create(location, ("id", Shorten(id)), ("row", recordRows[findings[0]])));
                continue;
            }

            recordRows[finding] = row;
            var nc = new DocMapping(sheet.Mark(row, columns["id"]));
            foreach (var (key, cell) in cells)
            {
                Put(nc, key, cell is null ? null : key switch
                {
                    "due" or "verified_on" => sheet.DateNode(cell),
                    "status" => sheet.WordNode(cell, Vocabulary.CorrectionStatuses),
                    _ => sheet.TextNode(cell),
                });
            }

            finding.Add(Key("nc", nc), nc);
        }
    }

    // ---- the assessments sheet -------------------------------------------------------------------------------------

    /// <summary>
    /// Each row is one assessor's record of an item (<c>assessments:</c>), attached to the first finding of that id on
    /// the check items sheet, or to a new finding when the team has written none (an unresolved finding).
    /// </summary>
    private void ReadAssessments(Sheet sheet, DocSequence findings, Dictionary<string, List<DocMapping>> byId)
    {
        LocalizedText[] labels = [new(""), T.Id, T.By, T.Result, T.PartialPoints, T.SampleSize, T.SampleConforming, T.Grade, T.MethodsUsed, T.Evidence, T.Note, T.Reason];
        var columns = sheet.Columns(AssessmentKeys, labels, out var dataRow);
        if (!sheet.RequireColumns(columns, AssessmentKeys[1..], AssessmentKeys, labels))
        {
            return;
        }

        var lists = new Dictionary<DocMapping, DocSequence>(ReferenceEqualityComparer.Instance);
        foreach (var row in sheet.Rows.Where(r => r >= dataRow))
        {
            var item = sheet.Input(row, columns["item"]);
            var cells = AssessmentKeys[2..].ToDictionary(key => key, key => sheet.Input(row, columns[key]), StringComparer.Ordinal);
            if (cells.Values.All(c => c is null))
            {
                continue;
            }

            if (item is null || (sheet.TextNode(item) as DocScalar)?.Value.Trim() is not { Length: > 0 } id)
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookRecordWithoutId.Create(SourceLocation.InCell(File, sheet.Name, row, columns["item"]), ("sheet", Both(T.AssessmentsSheet))));
                continue;
            }

            if (!byId.TryGetValue(id, out var same))
            {
                var created = new DocMapping(sheet.Mark(row, columns["item"]));
                Target(created, sheet.TextNode(item));
                findings.Add(created);
                byId[id] = same = [created];
            }

            var finding = same[0];
            if (!lists.TryGetValue(finding, out var list))
            {
                list = new DocSequence(sheet.Mark(row, columns["by"]));
                lists[finding] = list;
                finding.Add(Key("assessments", list), list);
            }

            var entry = new DocMapping(sheet.Mark(row, columns["result"]));
            RawCell? Cell(string key) => cells[key];
            Put(entry, "by", Cell("by") is { } by ? sheet.NamesNode(by) : null);
            Put(entry, "result", Cell("result") is { } result ? sheet.WordNode(result, Vocabulary.Results) : null);
            Put(entry, "points", Cell("points") is { } points ? sheet.NumberNode(points) : null);
            var sizeCell = Cell("sample.size");
            var conformingCell = Cell("sample.conforming");
            if (sizeCell is not null || conformingCell is not null)
            {
                var sample = new DocMapping(sheet.Mark(row, sizeCell is null ? columns["sample.size"] : conformingCell is null ? columns["sample.conforming"] : columns["sample.size"]));
                Put(sample, "size", sizeCell is null ? null : sheet.NumberNode(sizeCell));
                Put(sample, "conforming", conformingCell is null ? null : sheet.NumberNode(conformingCell));
                entry.Add(Key("sample", sample), sample);
            }

            Put(entry, "grade", Cell("grade") is { } grade ? sheet.WordNode(grade, Vocabulary.Grades) : null);
            Put(entry, "methods", Cell("methods") is { } methods ? sheet.MethodsNode(methods) : null);
            Put(entry, "evidence", Cell("evidence") is { } evidence ? sheet.LinesNode(evidence) : null);
            Put(entry, "note", Cell("note") is { } note ? sheet.TextNode(note) : null);
            Put(entry, "reason", Cell("reason") is { } reason ? sheet.TextNode(reason) : null);
            list.Add(entry);
        }
    }

    private static LocalizedText[] ItemLabels() =>
    [
        new(""), T.Category, T.Indicator, T.Id, T.Requirement, T.Points, T.ExpectedMethods, T.Documents, T.Result, T.PartialPoints, T.SampleSize,
        T.SampleConforming, T.Grade, T.MethodsUsed, T.Evidence, T.Note, T.Reason, T.By, T.PreviewEarned, T.PreviewApplicable,
        new(""), new(""),
    ];

    // ---- the adjustments sheet -------------------------------------------------------------------------------------

    private void ReadAdjustments(Sheet sheet, DocMapping root)
    {
        LocalizedText[] labels = [new(""), T.AdjustmentType, T.AdjustmentPoints, T.AdjustmentReason, T.AdjustmentBasis, T.AdjustmentItem, new(""), new("")];
        var columns = sheet.Columns(AdjustmentKeys, labels, out var dataRow);
        if (!sheet.RequireColumns(columns, ["type", "points", "reason", "basis", "item"], AdjustmentKeys, labels))
        {
            return;
        }

        var deductions = new DocSequence(sheet.Mark(Math.Max(1, dataRow - 1), columns["type"]));
        var bonuses = new DocSequence(sheet.Mark(Math.Max(1, dataRow - 1), columns["type"]));
        foreach (var row in sheet.Rows.Where(r => r >= dataRow))
        {
            var type = sheet.Input(row, columns["type"]);
            var points = sheet.Input(row, columns["points"]);
            var reason = sheet.Input(row, columns["reason"]);
            var basis = sheet.Input(row, columns["basis"]);
            var item = sheet.Input(row, columns["item"]);
            if (type is null && points is null && reason is null && basis is null && item is null)
            {
                continue;
            }

            var word = type is null ? null : Vocabulary.Lookup(Vocabulary.AdjustmentTypes, type.Text);
            var location = SourceLocation.InCell(File, sheet.Name, row, columns["type"]);
            if (type is null)
            {
                Diagnostics.Add(WorkbookDiagnostics.AdjustmentTypeMissing.Create(location, ("deduction", Both(T.Deduction)), ("bonus", Both(T.Bonus))));
                continue;
            }

            if (word is null)
            {
                Diagnostics.Add(WorkbookDiagnostics.AdjustmentTypeUnknown.Create(location, ("value", Shorten(type.Text)), ("deduction", Both(T.Deduction)), ("bonus", Both(T.Bonus))));
                continue;
            }

            var entry = new DocMapping(sheet.Mark(row, columns["reason"]));
            Put(entry, "points", points is null ? null : sheet.NumberNode(points));
            // A bonus names no item: the evidence reader reports the key as it would in a YAML file.
            Put(entry, "item", item is null ? null : sheet.TextNode(item));
            Put(entry, "reason", reason is null ? null : sheet.TextNode(reason));
            Put(entry, "basis", basis is null ? null : sheet.TextNode(basis));
            (word == "deduction" ? deductions : bonuses).Add(entry);
        }

        if (deductions.Items.Count + bonuses.Items.Count == 0)
        {
            return;
        }

        var adjustments = new DocMapping(deductions.Start);
        if (deductions.Items.Count > 0)
        {
            adjustments.Add(Key("deductions", deductions), deductions);
        }

        if (bonuses.Items.Count > 0)
        {
            adjustments.Add(Key("bonus", bonuses), bonuses);
        }

        root.Add(Key("adjustments", adjustments), adjustments);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static DocScalar Key(string key, DocNode at) => new(at.Start, key, isQuoted: false, isNull: false);

    private static void Put(DocMapping map, string key, DocNode? value)
    {
        if (value is not null)
        {
            map.Add(Key(key, value), value);
        }
    }

    private static bool Same(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text)
    {
        if (!text.Any(char.IsWhiteSpace))
        {
            return text;
        }

        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    /// <summary>What a list of methods or names in one cell is split on: 、 , ; (either width) and line breaks.</summary>
    [GeneratedRegex(@"[\u3001,\uFF0C;\uFF1B\n]")]
    internal static partial Regex MethodSeparators();

    [GeneratedRegex(@"[\s\u3001,\uFF0C;\uFF1B]+")]
    private static partial Regex DateSeparators();

    /// <summary>The cells of one sheet, and the conversions from cells to tree values.</summary>
    private sealed class Sheet
    {
        private readonly EvidenceTree owner;
        private readonly Dictionary<(int Row, int Column), RawCell> cells;

        private Sheet(EvidenceTree owner, string name, Dictionary<(int Row, int Column), RawCell> cells)
        {
            this.owner = owner;
            Name = name;
            this.cells = cells;
            Rows = cells.Keys.Select(k => k.Row).Distinct().Order().ToArray();
        }

        public string Name { get; }

        /// <summary>The rows holding anything, in sheet order (the user's order, if re-sorted).</summary>
        public int[] Rows { get; }

        public static Sheet? Read(EvidenceTree owner, SheetInfo info)
        {
            var cells = owner.parts.ReadCells(owner.package, info, owner.limits, ref owner.cellBudget);
            return cells is null ? null : new Sheet(owner, info.Name, cells);
        }

        public Mark Mark(int row, int column) => StarRating.Rules.Documents.Mark.Cell(Name, row, column);

        /// <summary>A cell's text whatever it holds (labels, keys, ids); null when empty.</summary>
        public string? Text(int row, int column) =>
            cells.TryGetValue((row, column), out var cell) && cell.Text.Length > 0 ? cell.Text : null;

        /// <summary>
        /// An input cell, or null when it is empty (blank, or only spaces). A formula is refused (SR6012) but its
        /// stored value is still passed on, so that the other checks run; an error value is refused (SR6014).
        /// </summary>
        public RawCell? Input(int row, int column)
        {
            if (!cells.TryGetValue((row, column), out var cell))
            {
                return null;
            }

            var location = SourceLocation.InCell(owner.File, Name, row, column);
            if (cell.Formula is not null)
            {
                owner.Diagnostics.Add(WorkbookDiagnostics.WorkbookFormula.Create(location, ("formula", "=" + Shorten(cell.Formula))));
            }

            if (cell.Type == CellType.Error)
            {
                owner.Diagnostics.Add(WorkbookDiagnostics.WorkbookErrorValue.Create(location, ("value", Shorten(cell.Text))));
                return null;
            }

            if (string.IsNullOrWhiteSpace(cell.Text))
            {
                return null;
            }

            foreach (var c in cell.Text)
            {
                if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                {
                    owner.Diagnostics.Add(DiagnosticCatalog.ControlCharacter.Create(location, ("code", ((int)c).ToString("X4", CultureInfo.InvariantCulture))));
                    return null;
                }
            }

            if (cell.Text.Length > owner.inputLimits.MaxScalarLength)
            {
                owner.Diagnostics.Add(DiagnosticCatalog.ValueTooLong.Create(location, ("length", cell.Text.Length), ("limit", owner.inputLimits.MaxScalarLength)));
                return null;
            }

            return cell;
        }

        private Mark At(RawCell cell) => Mark(cell.Row, cell.Column);

        private static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

        /// <summary>Text as written (a number cell as its number).</summary>
        public DocNode TextNode(RawCell cell) =>
            new DocScalar(At(cell), cell.Type == CellType.Number ? NumberText(cell.Text) : Clean(cell.Text), isQuoted: true, isNull: false);

        /// <summary>A number: stored numbers exactly as Excel shows them (15 significant digits); text is passed on for the reader to judge.</summary>
        public DocNode NumberNode(RawCell cell) =>
            new DocScalar(At(cell), cell.Type == CellType.Number ? NumberText(cell.Text) : cell.Text.Trim(), isQuoted: false, isNull: false);

        /// <summary>A drop-down word turned into the file's word; other text is passed on for the reader to report (SR1106).</summary>
        public DocNode WordNode(RawCell cell, IReadOnlyDictionary<string, string> words) =>
            new DocScalar(At(cell), Vocabulary.Lookup(words, cell.Text) ?? cell.Text.Trim(), isQuoted: false, isNull: false);

        /// <summary>A role: the format's words for the known roles, any other text kept as written.</summary>
        public DocNode RoleNode(RawCell cell) =>
            new DocScalar(At(cell), Vocabulary.Lookup(Vocabulary.Roles, cell.Text) ?? Clean(cell.Text).Trim(), isQuoted: true, isNull: false);

        /// <summary>Methods separated by 、 , ; or line breaks.</summary>
        public DocNode MethodsNode(RawCell cell)
        {
            var list = new DocSequence(At(cell));
            foreach (var part in MethodSeparators().Split(Clean(cell.Text)).Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                list.Add(new DocScalar(At(cell), Vocabulary.Lookup(Vocabulary.Methods, part) ?? part, isQuoted: false, isNull: false));
            }

            return list;
        }

        /// <summary>Assessors' names separated by 、 , ; or line breaks, each trimmed (validated against the team like YAML's <c>by</c>).</summary>
        public DocNode NamesNode(RawCell cell)
        {
            var list = new DocSequence(At(cell));
            foreach (var part in MethodSeparators().Split(Clean(TextOf(cell))).Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                list.Add(new DocScalar(At(cell), part, isQuoted: true, isNull: false));
            }

            return list;
        }

        /// <summary>One date: a day number Excel made of it is converted; text is passed on for the reader to judge.</summary>
        public DocNode DateNode(RawCell cell) =>
            new DocScalar(At(cell), cell.Type == CellType.Number ? SerialDate(cell.Text) ?? cell.Text : cell.Text.Trim(), isQuoted: false, isNull: false);

        /// <summary>One entry per line; blank lines are skipped and each line is trimmed.</summary>
        public DocNode LinesNode(RawCell cell)
        {
            var list = new DocSequence(At(cell));
            foreach (var line in Clean(TextOf(cell)).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                list.Add(new DocScalar(At(cell), line, isQuoted: true, isNull: false));
            }

            return list;
        }

        /// <summary>Dates separated by commas, spaces or line breaks; a date Excel stored as a day number is converted.</summary>
        public DocNode DatesNode(RawCell cell)
        {
            var list = new DocSequence(At(cell));
            if (cell.Type == CellType.Number)
            {
                list.Add(new DocScalar(At(cell), SerialDate(cell.Text) ?? cell.Text, isQuoted: false, isNull: false));
                return list;
            }

            foreach (var part in DateSeparators().Split(cell.Text).Where(p => p.Length > 0))
            {
                list.Add(new DocScalar(At(cell), part, isQuoted: false, isNull: false));
            }

            return list;
        }

        private string TextOf(RawCell cell) => cell.Type == CellType.Number ? NumberText(cell.Text) : cell.Text;

        private string? SerialDate(string text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) || serial != Math.Floor(serial) || serial < 1 || serial > 2_958_465)
            {
                return null;
            }

            // The 1900 date system counts a day 60 (1900-02-29) that never was; the 1904 system starts at 1904-01-01.
            var origin = owner.parts.Date1904 ? new DateOnly(1904, 1, 1) : new DateOnly(1899, 12, 31);
            var days = (int)serial - (!owner.parts.Date1904 && serial > 60 ? 1 : 0);
            return origin.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        /// <summary>A stored number as Excel shows it: 15 significant digits, no exponent (0.30000000000000004 → 0.3).</summary>
        private static string NumberText(string text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                return text;
            }

            var rounded = value.ToString("G15", CultureInfo.InvariantCulture);
            return decimal.TryParse(rounded, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? SheetBuilder.Num(exact)
                : text;
        }

        /// <summary>Columns by their hidden keys, or else by their headers in either language; the data starts below.</summary>
        public Dictionary<string, int> Columns(string[] keys, LocalizedText[] labels, out int dataRow)
        {
            var found = new Dictionary<string, int>(StringComparer.Ordinal);
            dataRow = FirstDataRow;
            var lastHeader = 0;
            // Labels compared without whitespace and case, normalised once (this runs for every cell of the top rows).
            var normalized = labels.Select(l => (Zh: Normalize(l.Zh).ToUpperInvariant(), En: Normalize(l.En ?? "").ToUpperInvariant())).ToArray();
            foreach (var row in Rows.Where(r => r <= 12))
            {
                // A header row names several columns; a data row may hold one word that happens to be a header.
                var matches = new List<(string Key, int Column, bool IsKey)>();
                foreach (var ((_, column), cell) in cells.Where(c => c.Key.Row == row).OrderBy(c => c.Key.Column))
                {
                    var text = cell.Text.Trim();
                    var plain = Normalize(text).ToUpperInvariant();
                    for (var k = 1; k < keys.Length; k++)
                    {
                        var isKey = string.Equals(text, keys[k], StringComparison.Ordinal);
                        if (isKey || (normalized[k].Zh.Length > 0 && (plain == normalized[k].Zh || plain == normalized[k].En)))
                        {
                            matches.Add((keys[k], column, isKey));
                        }
                    }
                }

                if (matches.Count < 3)
                {
                    continue;
                }

                lastHeader = row;
                foreach (var (key, column, isKey) in matches)
                {
                    // Keys win over labels: a label may be shared, a key never is.
                    if (isKey || !found.ContainsKey(key))
                    {
                        found[key] = column;
                    }
                }
            }

            if (lastHeader > 0)
            {
                dataRow = lastHeader + 1;
            }

            return found;
        }

        public bool RequireColumns(Dictionary<string, int> columns, string[] required, string[] keys, LocalizedText[] labels)
        {
            var ok = true;
            foreach (var key in required)
            {
                if (!columns.ContainsKey(key))
                {
                    var label = labels[Array.IndexOf(keys, key)];
                    owner.Diagnostics.Add(WorkbookDiagnostics.WorkbookColumnMissing.Create(SourceLocation.InCell(owner.File, Name, 0, 0), ("column", Both(label))));
                    ok = false;
                }
            }

            return ok;
        }
    }

    /// <summary>A workbook word in both languages (a sheet or column may carry either), as "审核信息 / Audit".</summary>
    private static Message Both(LocalizedText text) =>
        new("diagnostic.workbook.choice", ("zh", text.Zh), ("en", text.En ?? text.Zh));

}
