using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook.Xlsx;
using static StarRating.Workbook.Layout.Columns;
using T = StarRating.Workbook.WorkbookText;

namespace StarRating.Workbook.Layout;

/// <summary>
/// Writes the sheets that hold the evidence — audit, check items, adjustments, the document request list — and the
/// hidden lists sheet with the preview's lookup tables, blank or filled from evidence. The scored workbook adds its
/// result sheets after these (<see cref="ResultSheets"/>).
/// </summary>
internal sealed class EvidenceSheets
{
    private readonly Rubric rubric;
    private readonly Language l;
    private readonly List<Diagnostic> warnings;
    private readonly string file;
    private readonly XlsxPackage package;
    private readonly string itemsName;
    private readonly string adjustmentsName;
    private readonly string listsRange;
    private readonly List<string> lossy = [];

    /// <summary>The findings in the order the check items sheet lists them: the nonconformities and assessments sheets follow it.</summary>
    private readonly List<Finding> placed = [];

    private EvidenceSheets(Rubric rubric, Language language, XlsxPackage package, string file, List<Diagnostic> warnings)
    {
        this.rubric = rubric;
        l = language;
        this.package = package;
        this.file = file;
        this.warnings = warnings;
        itemsName = T.ItemsSheet.Get(l);
        adjustmentsName = T.AdjustmentsSheet.Get(l);
        listsRange = "$D$1:$E$" + WordTable().Count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Adds the evidence sheets to <paramref name="package"/>; <paramref name="evidence"/> null for a blank workbook.</summary>
    public static void Add(XlsxPackage package, Rubric rubric, Language language, AuditKind kind, AuditEvidence? evidence, string file, List<Diagnostic> warnings)
    {
        var sheets = new EvidenceSheets(rubric, language, package, file, warnings);
        var audit = sheets.AuditSheet(kind, evidence);
        var items = sheets.ItemsSheet(evidence);
        var nonconformities = sheets.NonconformitiesSheet();
        var adjustments = sheets.AdjustmentsSheet(evidence);
        // Written by merge for the items the team disagreed on; a blank or single-assessor workbook has none.
        var assessments = sheets.placed.Any(f => f.Assessments.Count > 0) ? sheets.AssessmentsSheet() : null;
        var documents = sheets.DocumentsSheet();
        var lists = sheets.ListsSheet(evidence is null ? "checklist" : "evidence");
        package.Name(new DefinedName(AuditRole, Absolute(audit.Name, "$A$1")));
        package.Name(new DefinedName(ItemsRole, Absolute(items.Name, "$A$1")));
        package.Name(new DefinedName(NonconformitiesRole, Absolute(nonconformities.Name, "$A$1")));
        package.Name(new DefinedName(AdjustmentsRole, Absolute(adjustments.Name, "$A$1")));
        if (assessments is not null)
        {
            package.Name(new DefinedName(AssessmentsRole, Absolute(assessments.Name, "$A$1")));
        }

        package.Name(new DefinedName(DocumentsRole, Absolute(documents.Name, "$A$1")));
        package.Name(new DefinedName(ListsRole, Absolute(lists.Name, "$A$1")));
        package.Name(new DefinedName("_xlnm._FilterDatabase", Absolute(items.Name, $"$A${HeaderRow}:$S${Math.Max(items.MaxRow, HeaderRow)}"), Hidden: true, LocalSheet: package.IndexOf(items)));
        package.Name(new DefinedName("_xlnm.Print_Titles", Absolute(items.Name, $"${HeaderRow}:${HeaderRow}"), Hidden: false, LocalSheet: package.IndexOf(items)));
        if (sheets.lossy.Count > 0)
        {
            warnings.Add(WorkbookDiagnostics.WorkbookLossy.Create(SourceLocation.WholeFile(file), ("what", sheets.lossy.Distinct(StringComparer.Ordinal).Select(what => new Message("diagnostic.workbook.lossy_" + what)).ToArray())));
        }
    }

    /// <summary>A sheet-qualified reference, always quoted: <c>'检查项'!$A$1</c>.</summary>
    public static string Absolute(string sheet, string reference) => "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!" + reference;

    private static string Ref(int row, int column) => SheetBuilder.Ref(row, column);

    private static string Quoted(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Choices(IEnumerable<string> words) => Quoted(string.Join(",", words));

    private string Kind(AuditKind kind) => T.Of(kind).Get(l);

    private SheetBuilder AuditSheet(AuditKind kind, AuditEvidence? evidence)
    {
        var sheet = package.Add(new SheetBuilder(T.AuditSheet.Get(l)) { Protected = true, Landscape = false });
        sheet.Width(AuditKey, 14, hidden: true);
        sheet.Width(AuditLabel, 22);
        sheet.Width(AuditValue, 56);
        sheet.Width(TeamRole, 16);
        sheet.Width(TeamRegistration, 26);
        sheet.Text(1, AuditLabel, T.Title.Get(l), Style.Title);
        sheet.Text(2, AuditLabel, $"{rubric.Standard} {rubric.Title.Get(l)} · {T.Rubric.Get(l)} {rubric.Id} {rubric.Version} · SHA-256 {rubric.Sha256[..16]}…", Style.Subtitle);
        sheet.Text(3, AuditLabel, T.InputHint.Get(l), Style.Subtitle);

        var company = evidence?.Company;
        var audit = evidence?.Audit;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["rubric"] = evidence is null ? rubric.Id : evidence.RubricId is null ? null : new RubricReference(evidence.RubricId, evidence.RubricVersion).ToString(),
            ["company.name"] = company?.Name,
            ["company.credit_code"] = company?.CreditCode,
            ["company.address"] = company?.Address,
            ["company.scope"] = company?.Scope,
            ["company.contact"] = company?.Contact,
            ["audit.kind"] = Kind(audit?.Kind ?? kind),
            ["audit.dates"] = audit is null ? null : string.Join(", ", audit.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ["audit.body"] = audit?.Body,
            ["audit.reference"] = audit?.Reference,
            ["audit.sites"] = audit is null ? null : Lines(audit.Sites, "sites"),
            // Stage 2 is the default: a blank workbook leaves the cell empty, a filled one says which.
            ["audit.stage"] = audit is null ? null : Stage(audit.Stage),
            ["audit.objectives"] = audit?.Objectives,
            ["audit.criteria"] = audit is null ? null : Lines(audit.Criteria, "criteria"),
            ["audit.person_days"] = null,
            ["audit.not_covered"] = audit is null ? null : Lines(audit.NotCovered, "not_covered"),
            ["audit.previous"] = audit?.Previous,
            ["assessor"] = evidence?.Assessor,
            ["conclusion"] = evidence?.Conclusion,
            ["decision.tier"] = evidence?.Decision is { } decision ? TierLabel(decision.Tier) : null,
            ["decision.by"] = evidence?.Decision?.By,
            ["decision.on"] = Date(evidence?.Decision?.On),
            ["certificate.number"] = evidence?.Certificate?.Number,
            ["certificate.issued"] = Date(evidence?.Certificate?.Issued),
            ["certificate.expires"] = Date(evidence?.Certificate?.Expires),
        };

        var row = 5;
        foreach (var (key, label, hint) in T.AuditFields)
        {
            if (key == "company.name")
            {
                sheet.Text(row++, AuditLabel, T.CompanySection.Get(l), Style.Section);
            }
            else if (key == "audit.kind")
            {
                row++;
                sheet.Text(row++, AuditLabel, T.AuditSection.Get(l), Style.Section);
            }
            else if (key == "conclusion")
            {
                row = TeamRows(sheet, row + 1, audit);
                row++;
                sheet.Text(row++, AuditLabel, T.ConclusionSection.Get(l), Style.Section);
            }
            else if (key == "decision.tier")
            {
                row++;
                sheet.Text(row++, AuditLabel, T.DecisionSection.Get(l), Style.Section);
            }

            sheet.Text(row, AuditKey, key, Style.Default);
            sheet.Text(row, AuditLabel, label.Get(l), Style.Label);
            // The rubric id is the workbook's, not the user's to change.
            if (key == "audit.person_days")
            {
                sheet.Number(row, AuditValue, audit?.PersonDays, Style.InputNumber);
                sheet.Validate(new Validation(Ref(row, AuditValue), "decimal", "0", "greaterThan", Strict: true, null, null));
            }
            else
            {
                // Dates are text (YYYY-MM-DD), so that Excel neither reformats them by locale nor turns them into day numbers.
                var style = key == "rubric" ? Style.Locked : key == "audit.dates" || T.DateFields.Contains(key) ? Style.InputText : Style.Input;
                sheet.Text(row, AuditValue, values[key], style);
            }

            if (hint is not null)
            {
                sheet.Text(row, TeamRole, hint.Get(l), Style.Subtitle);
            }

            if (key == "audit.kind")
            {
                sheet.Validate(new Validation(Ref(row, AuditValue), "list", Choices(Enum.GetValues<AuditKind>().Select(Kind)), null, Strict: true, null, null));
            }

            if (key == "audit.stage")
            {
                sheet.Validate(new Validation(Ref(row, AuditValue), "list", Choices(T.Stages.Select(st => st.Label.Get(l))), null, Strict: true, null, null));
            }

            if (key == "decision.tier")
            {
                sheet.Validate(new Validation(Ref(row, AuditValue), "list", Choices(rubric.Tiers.Select(t => t.Label.Get(l))), null, Strict: true, null, null));
            }

            if (key == "conclusion")
            {
                sheet.RowHeight(row, 90);
            }
            else if (key == "audit.objectives")
            {
                sheet.RowHeight(row, 45);
            }

            row++;
        }

        row++;
        sheet.Text(row++, AuditLabel, T.PreviewSection.Get(l), Style.Section);
        var scoreRow = row;
        sheet.Text(row, AuditKey, PreviewScoreKey, Style.Default);
        sheet.Text(row, AuditLabel, T.PreviewScore.Get(l), Style.Label);
        sheet.Formula(row, AuditValue, ScoreFormula(), Style.PreviewBig);
        row++;
        sheet.Text(row, AuditKey, PreviewTierKey, Style.Default);
        sheet.Text(row, AuditLabel, T.PreviewTier.Get(l), Style.Label);
        sheet.Formula(row, AuditValue, TierFormula(Ref(scoreRow, AuditValue)), Style.PreviewBig);
        row++;
        sheet.Text(row, AuditValue, T.PreviewHint.Get(l), Style.Hint);
        sheet.RowHeight(row, 45);
        return sheet;
    }

    private string Stage(int stage) => T.Stages.FirstOrDefault(s => s.Stage == stage) is { Label: { } label } ? label.Get(l) : stage.ToString(CultureInfo.InvariantCulture);

    /// <summary>A tier by its label in the workbook's language; an id the rubric does not have is written as it is (reading reports it).</summary>
    private string TierLabel(string id) => rubric.Tiers.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal)) is { } tier ? tier.Label.Get(l) : id;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int TeamRows(SheetBuilder sheet, int row, AuditInfo? audit)
    {
        sheet.Text(row, AuditLabel, T.TeamSection.Get(l), Style.Section);
        sheet.Text(row, AuditValue, T.TeamName.Get(l), Style.Header);
        sheet.Text(row, TeamRole, T.TeamRole.Get(l), Style.Header);
        sheet.Text(row, TeamRegistration, T.TeamRegistration.Get(l), Style.Header);
        row++;
        var team = audit?.Team ?? [];
        var first = row;
        for (var i = 0; i < Math.Max(8, team.Count + 2); i++, row++)
        {
            var member = i < team.Count ? team[i] : null;
            sheet.Text(row, AuditKey, TeamKey, Style.Default);
            sheet.Text(row, AuditValue, member?.Name, Style.Input);
            sheet.Text(row, TeamRole, member is null ? null : Role(member.Role), Style.Input);
            sheet.Text(row, TeamRegistration, member?.Registration, Style.Input);
        }

        // Roles are suggestions: the format keeps other words as written.
        sheet.Validate(new Validation($"{Ref(first, TeamRole)}:{Ref(row - 1, TeamRole)}", "list", Choices(T.Roles.Select(r => r.Label.Get(l))), null, Strict: false, null, null));
        return row;
    }

    private string Role(string role)
    {
        foreach (var (word, label) in T.Roles)
        {
            if (string.Equals(word, role, StringComparison.Ordinal))
            {
                return label.Get(l);
            }
        }

        return role;
    }

    /// <summary>Text with one entry per line; entries that cannot be told apart that way are reported as lossy.</summary>
    private string? Lines(IReadOnlyList<string> entries, string what)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        if (entries.Any(e => e.Contains('\n', StringComparison.Ordinal) || e.Contains('\r', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(e) || e.Trim().Length != e.Length))
        {
            lossy.Add(what);
        }

        return string.Join("\n", entries);
    }

    private SheetBuilder ItemsSheet(AuditEvidence? evidence)
    {
        var sheet = package.Add(new SheetBuilder(itemsName) { Protected = true, FrozenRows = HeaderRow, FrozenColumns = Id });
        double[] widths = [0, 14, 16, 9, 46, 6, 16, 30, 11, 9, 8, 8, 12, 18, 30, 34, 18, 10, 8, 8, 8, 6];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c], hidden: c >= IndicatorId);
        }

        sheet.Text(TitleRow, Category, T.ItemsSheet.Get(l) + " — " + rubric.Standard + " " + rubric.Title.Get(l), Style.Title);
        sheet.Text(HintRow, Category, T.ItemsHint.Get(l), Style.Subtitle);
        sheet.HideRow(KeyRow);
        LocalizedText[] headers =
        [
            T.Category, T.Indicator, T.Id, T.Requirement, T.Points, T.ExpectedMethods, T.Documents, T.Result, T.PartialPoints,
            T.SampleSize, T.SampleConforming, T.Grade, T.MethodsUsed, T.Evidence, T.Note, T.Reason, T.By, T.PreviewEarned,
            T.PreviewApplicable, new(ItemKeys[IndicatorId]), new(ItemKeys[Code]),
        ];
        for (var c = 1; c < ItemKeys.Length; c++)
        {
            sheet.Text(KeyRow, c, ItemKeys[c], Style.Default);
            sheet.Text(HeaderRow, c, headers[c - 1].Get(l), Style.Header);
        }

        var findings = evidence?.Findings ?? [];
        var taken = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        Finding? Take(Func<Finding, bool> match)
        {
            var finding = findings.FirstOrDefault(f => !taken.Contains(f) && match(f));
            if (finding is not null)
            {
                taken.Add(finding);
                placed.Add(finding);
            }

            return finding;
        }

        var row = FirstDataRow;
        foreach (var category in rubric.Categories)
        {
            var categoryLabel = category.Id + " " + category.Name.Get(l);
            sheet.Text(row, Category, categoryLabel, Style.Category);
            for (var c = Columns.Indicator; c <= By; c++)
            {
                sheet.Blank(row, c, Style.Category);
            }

            sheet.Text(row, Id, category.Id, Style.Category);
            sheet.Text(row, Requirement, category.Name.Get(l), Style.Category);
            sheet.Number(row, ItemPoints, category.Points, Style.Category);
            row++;
            foreach (var indicator in category.Indicators)
            {
                var indicatorLabel = indicator.Id + " " + indicator.Name.Get(l);
                sheet.Text(row, Category, categoryLabel, Style.Indicator);
                sheet.Text(row, Columns.Indicator, indicatorLabel, Style.Indicator);
                sheet.Text(row, Id, indicator.Id, Style.Indicator);
                var summary = indicator.Summary is { } s ? indicator.Name.Get(l) + ": " + s.Get(l) : indicator.Name.Get(l);
                sheet.Text(row, Requirement, summary, Style.Indicator);
                sheet.Number(row, ItemPoints, indicator.Points, Style.Indicator);
                sheet.Blank(row, ExpectedMethods, Style.Indicator);
                sheet.Blank(row, Documents, Style.Indicator);
                InputCells(sheet, row, Take(f => f.Item is null && string.Equals(f.Indicator, indicator.Id, StringComparison.Ordinal)), isIndicator: true);
                row++;
                foreach (var item in indicator.Items)
                {
                    sheet.Text(row, Category, categoryLabel, Style.Locked);
                    sheet.Text(row, Columns.Indicator, indicatorLabel, Style.Locked);
                    sheet.Text(row, Id, item.Id, Style.Locked);
                    sheet.Text(row, Requirement, item.Requirement.Get(l), Style.Locked);
                    sheet.Number(row, ItemPoints, item.Points, Style.LockedNumber);
                    sheet.Text(row, ExpectedMethods, string.Join("\n", item.Methods.Select(m => FormatWords.Describe(m).Get(l))), Style.Locked);
                    sheet.Text(row, Documents, string.Join("\n", item.Documents.Select(d => d.Get(l))), Style.Locked);
                    InputCells(sheet, row, Take(f => f.Indicator is null && string.Equals(f.Item, item.Id, StringComparison.Ordinal)), isIndicator: false);
                    Preview(sheet, row, indicator.Id);
                    row++;
                }
            }
        }

        // Findings the rubric has no row for (unknown ids, second findings for an item, findings without a target)
        // get rows of their own below, so that reading the workbook reports them as the evidence file would.
        foreach (var finding in findings.Where(f => !taken.Contains(f)).ToArray())
        {
            placed.Add(finding);
            if (finding.Item is not null && finding.Indicator is not null)
            {
                lossy.Add("item_and_indicator");
            }
            else if (finding.Item is null && finding.Indicator is { } id && (rubric.FindIndicator(id) is null || rubric.FindItem(id) is not null))
            {
                lossy.Add("unknown_indicator"); // Its row names an id the reader takes for an item's.
            }

            sheet.Text(row, Id, finding.Item ?? finding.Indicator, Style.InputText);
            InputCells(sheet, row, finding, isIndicator: false);
            row++;
        }

        var last = row - 1;
        Validations(sheet, last);
        sheet.AutoFilter = $"A{HeaderRow}:S{last}";
        return sheet;
    }

    private void InputCells(SheetBuilder sheet, int row, Finding? finding, bool isIndicator)
    {
        sheet.Text(row, Result, finding?.Result is { } r ? T.Of(r).Get(l) : null, Style.Input);
        // Partial points and samples are per item: locked on indicator rows (an indicator finding cannot use them).
        var itemOnly = isIndicator && finding?.Points is null && finding?.Sample is null ? Style.Disabled : Style.InputNumber;
        sheet.Number(row, Points, finding?.Points, itemOnly);
        sheet.Number(row, SampleSize, finding?.Sample?.Size, itemOnly);
        sheet.Number(row, SampleConforming, finding?.Sample?.Conforming, itemOnly);
        sheet.Text(row, Grade, finding?.Grade is { } g ? T.Of(g).Get(l) : null, Style.Input);
        sheet.Text(row, Methods, finding is null || finding.Methods.Count == 0 ? null : string.Join(new Wording(l).Text("format.list_separator"), finding.Methods.Select(m => FormatWords.Describe(m).Get(l))), Style.Input);
        sheet.Text(row, Evidence, finding is null ? null : Lines(finding.Evidence, "evidence"), Style.Input);
        sheet.Text(row, Note, finding?.Note, Style.Input);
        sheet.Text(row, Reason, finding?.Reason, Style.Input);
        sheet.Text(row, By, finding is null ? null : Names(finding.By), Style.Input);
    }

    /// <summary>Assessors' names in one cell, separated as methods are; a name the separators would split is reported as lossy.</summary>
    private string? Names(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        if (names.Any(n => string.IsNullOrWhiteSpace(n) || n.Trim().Length != n.Length || n.Contains('\r', StringComparison.Ordinal) || EvidenceTree.MethodSeparators().IsMatch(n)))
        {
            lossy.Add("by");
        }

        return string.Join(new Wording(l).Text("format.list_separator"), names);
    }

    /// <summary>The id a workbook row names a finding by: its item's, else its indicator's.</summary>
    private static string? TargetId(Finding finding) => finding.Item ?? finding.Indicator;

    private SheetBuilder NonconformitiesSheet()
    {
        var sheet = package.Add(new SheetBuilder(T.NcSheet.Get(l)) { Protected = true, FrozenRows = HeaderRow, FrozenColumns = NcItem });
        double[] widths = [0, 10, 12, 34, 14, 14, 34, 34, 12, 14, 12, 12];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        sheet.Text(TitleRow, 1, T.NcSheet.Get(l), Style.Title);
        sheet.Text(HintRow, 1, T.NcHint.Get(l), Style.Subtitle);
        sheet.HideRow(KeyRow);
        LocalizedText[] headers =
            [T.Id, T.Grade, T.Note, T.NcId, T.NcConfirmedBy, T.NcRootCause, T.NcAction, T.NcDue, T.NcStatus, T.NcVerifiedBy, T.NcVerifiedOn];
        for (var c = 1; c < NcKeys.Length; c++)
        {
            sheet.Text(KeyRow, c, NcKeys[c], Style.Default);
            sheet.Text(HeaderRow, c, headers[c - 1].Get(l), Style.Header);
        }

        var records = placed.Where(f => f.Nc is not null).ToArray();
        var items = Absolute(itemsName, "");
        var row = FirstDataRow;
        for (var i = 0; i < Math.Max(10, records.Length + 5); i++, row++)
        {
            var finding = i < records.Length ? records[i] : null;
            var nc = finding?.Nc;
            sheet.Text(row, NcItem, finding is null ? null : TargetId(finding), Style.InputText);
            // The finding's grade and note as the check items sheet has them, so the record is filled beside its facts.
            var match = $"MATCH(TRIM({Ref(row, NcItem)}),{items}$C:$C,0)";
            sheet.Formula(row, NcGrade, $"IF(TRIM({Ref(row, NcItem)})=\"\",\"\",IFERROR(INDEX({items}$L:$L,{match})&\"\",\"\"))", Style.Locked);
            sheet.Formula(row, NcNote, $"IF(TRIM({Ref(row, NcItem)})=\"\",\"\",IFERROR(INDEX({items}$O:$O,{match})&\"\",\"\"))", Style.Locked);
            sheet.Text(row, 4, nc?.Id, Style.InputText);
            sheet.Text(row, 5, nc?.ConfirmedBy, Style.Input);
            sheet.Text(row, 6, nc?.RootCause, Style.Input);
            sheet.Text(row, 7, nc?.Action, Style.Input);
            sheet.Text(row, 8, Date(nc?.Due), Style.InputText);
            sheet.Text(row, 9, nc is null ? null : T.Of(nc.Status).Get(l), Style.Input);
            sheet.Text(row, 10, nc?.VerifiedBy, Style.Input);
            sheet.Text(row, 11, Date(nc?.VerifiedOn), Style.InputText);
        }

        sheet.Validate(new Validation($"{Ref(FirstDataRow, 9)}:{Ref(row - 1, 9)}", "list", Choices(Enum.GetValues<CorrectionStatus>().Select(st => T.Of(st).Get(l))), null, Strict: true, null, null));
        sheet.AutoFilter = $"A{HeaderRow}:K{row - 1}";
        return sheet;
    }

    private SheetBuilder AssessmentsSheet()
    {
        var sheet = package.Add(new SheetBuilder(T.AssessmentsSheet.Get(l)) { Protected = true, FrozenRows = HeaderRow, FrozenColumns = 2 });
        double[] widths = [0, 10, 12, 11, 9, 8, 8, 12, 18, 30, 34, 18];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        sheet.Text(TitleRow, 1, T.AssessmentsSheet.Get(l), Style.Title);
        sheet.Text(HintRow, 1, T.AssessmentsHint.Get(l), Style.Subtitle);
        sheet.HideRow(KeyRow);
        LocalizedText[] headers =
            [T.Id, T.By, T.Result, T.PartialPoints, T.SampleSize, T.SampleConforming, T.Grade, T.MethodsUsed, T.Evidence, T.Note, T.Reason];
        for (var c = 1; c < AssessmentKeys.Length; c++)
        {
            sheet.Text(KeyRow, c, AssessmentKeys[c], Style.Default);
            sheet.Text(HeaderRow, c, headers[c - 1].Get(l), Style.Header);
        }

        var row = FirstDataRow;
        foreach (var finding in placed)
        {
            foreach (var a in finding.Assessments)
            {
                sheet.Text(row, 1, TargetId(finding), Style.InputText);
                sheet.Text(row, 2, Names(a.By), Style.Input);
                sheet.Text(row, 3, a.Result is { } r ? T.Of(r).Get(l) : null, Style.Input);
                sheet.Number(row, 4, a.Points, Style.InputNumber);
                sheet.Number(row, 5, a.Sample?.Size, Style.InputNumber);
                sheet.Number(row, 6, a.Sample?.Conforming, Style.InputNumber);
                sheet.Text(row, 7, a.Grade is { } g ? T.Of(g).Get(l) : null, Style.Input);
                sheet.Text(row, 8, a.Methods.Count == 0 ? null : string.Join(new Wording(l).Text("format.list_separator"), a.Methods.Select(m => FormatWords.Describe(m).Get(l))), Style.Input);
                sheet.Text(row, 9, Lines(a.Evidence, "evidence"), Style.Input);
                sheet.Text(row, 10, a.Note, Style.Input);
                sheet.Text(row, 11, a.Reason, Style.Input);
                row++;
            }
        }

        var last = row - 1;
        sheet.Validate(new Validation($"{Ref(FirstDataRow, 3)}:{Ref(last, 3)}", "list", Choices(Enum.GetValues<FindingResult>().Select(r => T.Of(r).Get(l))), null, Strict: true, null, null));
        sheet.Validate(new Validation($"{Ref(FirstDataRow, 7)}:{Ref(last, 7)}", "list", Choices(Enum.GetValues<NonconformityGrade>().Select(g => T.Of(g).Get(l))), null, Strict: true, null, null));
        sheet.AutoFilter = $"A{HeaderRow}:K{last}";
        return sheet;
    }

    private void Preview(SheetBuilder sheet, int row, string indicatorId)
    {
        var lists = Absolute(T.ListsSheet, listsRange);
        string C(int column) => Ref(row, column);
        sheet.Text(row, IndicatorId, indicatorId, Style.Default);
        // The effective result: the item's own, a sample ("S"), or its indicator's (looked up by id, so re-sorting rows keeps it right).
        var indicatorResult = $"TRIM(INDEX($H:$H,MATCH({C(IndicatorId)},$C:$C,0)))";
        sheet.Formula(row, Code,
            $"IF(TRIM({C(Result)})<>\"\",IFERROR(VLOOKUP(TRIM({C(Result)}),{lists},2,FALSE),\"?\"),IF(N({C(SampleSize)})>0,\"S\",IFERROR(VLOOKUP({indicatorResult},{lists},2,FALSE),\"\")))",
            Style.Default);
        sheet.Formula(row, PreviewEarned,
            $"IF({C(Code)}=\"S\",{C(ItemPoints)}*N({C(SampleConforming)})/{C(SampleSize)},IF({C(Code)}=\"C\",{C(ItemPoints)},IF({C(Code)}=\"P\",N({C(Points)}),0)))",
            Style.Preview);
        sheet.Formula(row, PreviewApplicable, $"IF({C(Code)}=\"X\",0,{C(ItemPoints)})", Style.Preview);
    }

    private void Validations(SheetBuilder sheet, int last)
    {
        string Range(int column) => $"{Ref(FirstDataRow, column)}:{Ref(last, column)}";
        var results = Enum.GetValues<FindingResult>().Select(r => T.Of(r).Get(l)).ToArray();
        sheet.Validate(new Validation(Range(Result), "list", Choices(results), null, Strict: true, null, null));
        sheet.Validate(new Validation(Range(Points), "decimal", "0", "greaterThanOrEqual", Strict: true, null, null));
        sheet.Validate(new Validation(Range(SampleSize), "whole", "1", "greaterThanOrEqual", Strict: true, null, null));
        sheet.Validate(new Validation(Range(SampleConforming), "whole", "0", "greaterThanOrEqual", Strict: true, null, null));
        sheet.Validate(new Validation(Range(Grade), "list", Choices(Enum.GetValues<NonconformityGrade>().Select(g => T.Of(g).Get(l))), null, Strict: true, null, null));
        // Several methods go into one cell, so the list only suggests.
        sheet.Validate(new Validation(Range(Methods), "list", Choices(Enum.GetValues<EvidenceMethod>().Select(m => FormatWords.Describe(m).Get(l))), null, Strict: false, null, null));
    }

    private SheetBuilder AdjustmentsSheet(AuditEvidence? evidence)
    {
        var sheet = package.Add(new SheetBuilder(adjustmentsName) { Protected = true, FrozenRows = HeaderRow });
        double[] widths = [0, 12, 8, 50, 40, 12, 8, 8];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c], hidden: c >= AdjustmentDeduction);
        }

        sheet.Text(TitleRow, AdjustmentType, T.AdjustmentsSheet.Get(l), Style.Title);
        sheet.Text(HintRow, AdjustmentType, T.AdjustmentsHint.Get(l), Style.Subtitle);
        sheet.HideRow(KeyRow);
        LocalizedText[] headers = [T.AdjustmentType, T.AdjustmentPoints, T.AdjustmentReason, T.AdjustmentBasis, T.AdjustmentItem, T.Deduction, T.Bonus];
        for (var c = 1; c < AdjustmentKeys.Length; c++)
        {
            sheet.Text(KeyRow, c, AdjustmentKeys[c], Style.Default);
            sheet.Text(HeaderRow, c, headers[c - 1].Get(l), Style.Header);
        }

        var entries = (evidence?.Deductions ?? []).Select(d => (Type: T.Deduction, d.Points, d.Reason, d.Basis, d.Item))
            .Concat((evidence?.Bonuses ?? []).Select(b => (Type: T.Bonus, b.Points, b.Reason, b.Basis, Item: (string?)null)))
            .ToArray();
        var lists = Absolute(T.ListsSheet, listsRange);
        var policy = rubric.Scoring;
        var row = FirstDataRow;
        for (var i = 0; i < Math.Max(12, entries.Length + 5); i++, row++)
        {
            var entry = i < entries.Length ? entries[i] : default;
            sheet.Text(row, AdjustmentType, entry.Type?.Get(l), Style.Input);
            sheet.Number(row, AdjustmentPoints, entry.Points, Style.InputNumber);
            sheet.Text(row, AdjustmentReason, entry.Reason, Style.Input);
            sheet.Text(row, AdjustmentBasis, entry.Basis, Style.Input);
            sheet.Text(row, AdjustmentItem, entry.Item, Style.InputText);
            var type = $"IFERROR(VLOOKUP(TRIM({Ref(row, AdjustmentType)}),{lists},2,FALSE),\"\")";
            var points = Ref(row, AdjustmentPoints);
            sheet.Formula(row, AdjustmentDeduction, $"IF({type}=\"D\",IF(ISNUMBER({points}),{points},{SheetBuilder.Num(policy.DefaultDeduction)}),0)", Style.Default);
            sheet.Formula(row, AdjustmentBonus, $"IF({type}=\"B\",IF(ISNUMBER({points}),{points},{SheetBuilder.Num(policy.MaxBonusPoints)}),0)", Style.Default);
        }

        sheet.Validate(new Validation($"{Ref(FirstDataRow, AdjustmentType)}:{Ref(row - 1, AdjustmentType)}", "list", Choices([T.Deduction.Get(l), T.Bonus.Get(l)]), null, Strict: true, null, null));
        sheet.Validate(new Validation($"{Ref(FirstDataRow, AdjustmentPoints)}:{Ref(row - 1, AdjustmentPoints)}", "decimal", "0", "greaterThan", Strict: true, null, null));
        return sheet;
    }

    private SheetBuilder DocumentsSheet()
    {
        var sheet = package.Add(new SheetBuilder(T.DocumentsSheet.Get(l)) { Protected = true, FrozenRows = HeaderRow });
        double[] widths = [0, 22, 60, 9, 9, 30];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        sheet.Text(TitleRow, 1, T.DocumentsSheet.Get(l), Style.Title);
        sheet.Text(HintRow, 1, T.DocumentsHint.Get(l), Style.Subtitle);
        sheet.HideRow(KeyRow);
        LocalizedText[] headers = [T.Indicator, T.Document, T.Received, T.Checked, T.Remark];
        for (var c = 1; c < DocumentKeys.Length; c++)
        {
            sheet.Text(KeyRow, c, DocumentKeys[c], Style.Default);
            sheet.Text(HeaderRow, c, headers[c - 1].Get(l), Style.Header);
        }

        var row = FirstDataRow;
        void Add(string group, string document)
        {
            sheet.Text(row, 1, group, Style.Locked);
            sheet.Text(row, 2, document, Style.Locked);
            sheet.Blank(row, 3, Style.InputNumber);
            sheet.Blank(row, 4, Style.InputNumber);
            sheet.Blank(row, 5, Style.Input);
            row++;
        }

        foreach (var document in rubric.ApplicationDocuments)
        {
            Add(T.ApplicationDocuments.Get(l), document.Get(l));
        }

        foreach (var indicator in rubric.Indicators)
        {
            foreach (var document in indicator.Items.SelectMany(i => i.Documents).Select(d => d.Get(l)).Distinct(StringComparer.Ordinal))
            {
                Add(indicator.Id + " " + indicator.Name.Get(l), document);
            }
        }

        if (row > FirstDataRow)
        {
            sheet.Validate(new Validation($"C{FirstDataRow}:D{row - 1}", "list", Quoted(T.Tick), null, Strict: false, null, null));
        }

        return sheet;
    }

    /// <summary>The words the preview formulas look up: every word a result or adjustment-type cell may hold, with its code.</summary>
    private static List<(string Word, string Code)> WordTable() =>
        Vocabulary.Results.Concat(Vocabulary.AdjustmentTypes)
            .Select(w => (w.Key, Vocabulary.Code(w.Value)))
            .OrderBy(w => w.Item2, StringComparer.Ordinal)
            .ThenBy(w => w.Key, StringComparer.Ordinal)
            .ToList();

    private SheetBuilder ListsSheet(string kind)
    {
        var sheet = package.Add(new SheetBuilder(T.ListsSheet) { Hidden = true, Protected = true });
        sheet.Text(1, 1, Marker, Style.Default);
        sheet.Text(2, 1, kind, Style.Default);
        sheet.Text(3, 1, rubric.Id, Style.Default);
        sheet.Text(4, 1, rubric.Version, Style.Default);
        sheet.Text(5, 1, rubric.Sha256, Style.Default);
        sheet.Text(6, 1, l == Language.English ? "en" : "zh", Style.Default);
        var row = 1;
        foreach (var (word, code) in WordTable())
        {
            sheet.Text(row, WordColumn, word, Style.Default);
            sheet.Text(row, CodeColumn, code, Style.Default);
            row++;
        }

        row = 1;
        foreach (var tier in rubric.Tiers)
        {
            sheet.Number(row, TierMinColumn, tier.MinScore, Style.Default);
            sheet.Text(row, TierLabelColumn, tier.Label.Get(l), Style.Default);
            row++;
        }

        return sheet;
    }

    private string ScoreFormula()
    {
        var items = Absolute(itemsName, "");
        var adjustments = Absolute(adjustmentsName, "");
        var total = SheetBuilder.Num(rubric.TotalPoints);
        var earned = $"SUM({items}R:R)";
        var applicable = $"SUM({items}S:S)";
        // Rounded to 9 places first: binary floating point must not turn an exact x.x5 into x.x4999….
        var raw = $"ROUND(IF({applicable}=0,0,{earned}/{applicable}*{total})-SUM({adjustments}F:F)+SUM({adjustments}G:G),9)";
        var clamped = $"MAX(0,MIN({total},{raw}))";
        var d = rubric.Scoring.Decimals.ToString(CultureInfo.InvariantCulture);
        return rubric.Scoring.Rounding switch
        {
            ScoreRounding.Down => $"ROUNDDOWN({clamped},{d})",
            ScoreRounding.HalfEven => $"IF(ABS(MOD({clamped}*10^{d},1)-0.5)<1E-9,IF(ISEVEN(TRUNC({clamped}*10^{d})),TRUNC({clamped}*10^{d}),TRUNC({clamped}*10^{d})+1)/10^{d},ROUND({clamped},{d}))",
            _ => $"ROUND({clamped},{d})",
        };
    }

    private string TierFormula(string scoreCell)
    {
        var count = rubric.Tiers.Count.ToString(CultureInfo.InvariantCulture);
        var lookup = $"LOOKUP({scoreCell},{Absolute(T.ListsSheet, $"$G$1:$G${count}")},{Absolute(T.ListsSheet, $"$H$1:$H${count}")})";
        return rubric.Scoring.MaxSpecialDeductions is { } max
            ? $"IF(COUNTIF({Absolute(adjustmentsName, "F:F")},\">0\")>{max.ToString(CultureInfo.InvariantCulture)},{Quoted(rubric.LowestTier.Label.Get(l))},{lookup})"
            : lookup;
    }
}
