using System.Text;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>
/// A blank evidence file for the auditor: every check item with its points, methods and requirement as
/// comments, and the document request list grouped by indicator at the top. It parses as evidence, and
/// validating it lists exactly what is still to be filled in. The comments come from the vocabulary
/// (<c>checklist.*</c>); the keys and values are the evidence format's own words.
/// </summary>
internal static class ChecklistWriter
{
    public static string Write(Rubric rubric, Wording w, AuditKind kind)
    {
        var l = w.Language;
        var y = new StringBuilder();
        void Line(string text = "") => y.Append(text).Append('\n');
        string T(string key) => w.Text("checklist." + key);

        Line(w.Format("checklist.title", ("standard", rubric.Standard), ("title", rubric.Title)));
        Line(w.Format("checklist.rubric", ("id", rubric.Id), ("version", rubric.Version), ("sha", rubric.Sha256)));
        Line(T("format"));
        Line("#");
        foreach (var key in new[] { "how", "how_result", "how_sample", "how_grade", "how_methods" })
        {
            Line(T(key));
        }

        Line(w.Format("checklist.how_indicator", ("indicator", rubric.Indicators[^1].Id)));
        Line("#");
        Line(T("documents"));
        if (rubric.ApplicationDocuments.Count > 0)
        {
            Line(T("application"));
            foreach (var document in rubric.ApplicationDocuments)
            {
                Line("#   - " + document.Get(l));
            }
        }

        foreach (var indicator in rubric.Indicators)
        {
            var documents = indicator.Items.SelectMany(i => i.Documents).Select(d => d.Get(l)).Distinct(StringComparer.Ordinal).ToArray();
            if (documents.Length == 0)
            {
                continue;
            }

            Line($"# {indicator.Id} {indicator.Name.Get(l)}:");
            foreach (var document in documents)
            {
                Line("#   - " + document);
            }
        }

        Line();
        // Pinned to the version the checklist was written from: scoring under another version then warns (SR3200).
        var pin = new RubricReference(rubric.Id, rubric.Version);
        Line($"rubric: {(RubricReference.TryParse(pin.ToString(), out _) ? pin : new RubricReference(rubric.Id, null))}");
        Line("company:");
        Line("  name: \"\"            # " + T("company_name"));
        Line("  credit_code: \"\"     # " + T("credit_code"));
        Line("  address: \"\"");
        Line("  scope: \"\"           # " + T("scope"));
        Line("  contact: \"\"");
        Line("audit:");
        Line($"  kind: {EvidenceWords.Of(kind)}" + new string(' ', Math.Max(1, 14 - EvidenceWords.Of(kind).Length)) + "# initial | surveillance | recertification | mock | self");
        Line("  dates: []           # [2026-10-12, 2026-10-13]");
        Line("  body: \"\"            # " + T("body"));
        Line("  reference: \"\"       # " + T("reference"));
        Line("  team:");
        Line("    - { name: \"\", role: lead }");
        Line("findings:");
        foreach (var category in rubric.Categories)
        {
            Line("  " + w.Format("checklist.category", ("id", category.Id), ("name", category.Name), ("points", category.Points)));
            foreach (var indicator in category.Indicators)
            {
                Line("  " + w.Format("checklist.indicator", ("id", indicator.Id), ("name", indicator.Name), ("points", indicator.Points)));
                foreach (var item in indicator.Items)
                {
                    var methods = item.Methods.Select(m => w.Format(FormatWords.Describe(m))).ToArray();
                    Line($"  - item: \"{item.Id}\"   # " + w.Format("checklist.item", ("points", item.Points), ("methods", methods)));
                    Line($"    # {w.Text("label.col_requirement")}: {item.Requirement.Get(l).ReplaceLineEndings(" ")}");
                    Line("    result:");
                    Line($"    methods: [{string.Join(", ", item.Methods.Select(FormatWords.Of))}]");
                    Line("    evidence: []");
                    Line("    note: \"\"");
                }
            }
        }

        Line("adjustments:");
        var deduction = Numbers.Format(rubric.Scoring.DefaultDeduction);
        Line($"  deductions: []      # - {{ points: {deduction}, reason: ..., basis: ..., item: \"{rubric.Items[0].Id}\" }}  " + T("deductions"));
        if (rubric.Scoring.MaxBonusCount > 0)
        {
            Line($"  # bonus: {{ points: {Numbers.Format(rubric.Scoring.MaxBonusPoints)}, reason: ..., basis: ... }}              "
                + w.Format("checklist.bonus", ("count", rubric.Scoring.MaxBonusCount)));
        }

        Line("conclusion: \"\"        # " + T("conclusion"));
        return y.ToString();
    }
}
