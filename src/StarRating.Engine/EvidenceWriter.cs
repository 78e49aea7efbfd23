using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Engine;

/// <summary>
/// Writes evidence as a YAML or JSON evidence file (docs/evidence-format.md), for evidence built in code or read
/// from another format (the audit workbook). Reading the output back gives the same evidence: every field of
/// <see cref="AuditEvidence"/> except <see cref="AuditEvidence.SourceName"/> and <see cref="AuditEvidence.Sha256"/>,
/// which describe the file it came from. Keys are written in the order of the format's documentation; the same
/// evidence always gives the same text (UTF-8, <c>\n</c> line endings).
/// </summary>
public static partial class EvidenceWriter
{
    /// <summary>
    /// The evidence's <c>rubric:</c> as written: <c>ID</c>, or <c>ID@VERSION</c> when it pins a version, so a converted
    /// file keeps its pin (and its SR3200/SR3201 check).
    /// </summary>
    internal static string? RubricReference(AuditEvidence evidence) =>
        evidence.RubricId is null ? null : evidence.RubricVersion is null ? evidence.RubricId : evidence.RubricId + "@" + evidence.RubricVersion;

    /// <summary>The evidence as a YAML evidence file.</summary>
    /// <param name="evidence">The evidence.</param>
    public static string ToYaml(AuditEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var y = new Yaml();
        if (evidence.RubricId is not null)
        {
            y.Key(0, "rubric").Plain(RubricReference(evidence)!);
        }

        y.Text(0, "assessor", evidence.Assessor);
        y.Open(0, "company");
        y.Text(1, "name", evidence.Company.Name, required: true);
        y.Text(1, "credit_code", evidence.Company.CreditCode);
        y.Text(1, "address", evidence.Company.Address);
        y.Text(1, "scope", evidence.Company.Scope);
        y.Text(1, "contact", evidence.Company.Contact);

        var audit = evidence.Audit;
        y.Open(0, "audit");
        y.Key(1, "kind").Plain(EvidenceWords.Of(audit.Kind));
        if (audit.Dates.Count > 0)
        {
            y.Key(1, "dates").Raw("[" + string.Join(", ", audit.Dates.Select(Date)) + "]");
        }

        if (audit.Team.Count > 0)
        {
            y.Open(1, "team");
            foreach (var member in audit.Team)
            {
                y.Item(2);
                y.Text(3, "name", member.Name, required: true, first: true);
                y.Text(3, "role", member.Role);
                y.Text(3, "registration", member.Registration);
            }
        }

        y.Text(1, "body", audit.Body);
        y.Text(1, "reference", audit.Reference);
        y.List(1, "sites", audit.Sites);
        if (audit.Stage != 2)
        {
            y.Key(1, "stage").Plain(Int(audit.Stage));
        }

        y.Text(1, "objectives", audit.Objectives);
        y.List(1, "criteria", audit.Criteria);
        if (audit.PersonDays is { } personDays)
        {
            y.Key(1, "person_days").Plain(Number(personDays));
        }

        y.List(1, "not_covered", audit.NotCovered);
        y.Text(1, "previous", audit.Previous);

        if (evidence.Findings.Count == 0)
        {
            y.Key(0, "findings").Raw("[]");
        }
        else
        {
            y.Open(0, "findings");
            foreach (var finding in evidence.Findings)
            {
                WriteFinding(y, finding, 1);
            }
        }

        if (evidence.Deductions.Count > 0 || evidence.Bonuses.Count > 0)
        {
            y.Open(0, "adjustments");
            if (evidence.Deductions.Count > 0)
            {
                y.Open(1, "deductions");
                foreach (var deduction in evidence.Deductions)
                {
                    y.Item(2);
                    var first = true;
                    if (deduction.Points is { } points)
                    {
                        y.Key(3, "points", first).Plain(Number(points));
                        first = false;
                    }

                    if (deduction.Item is not null)
                    {
                        y.Key(3, "item", first).Quoted(deduction.Item);
                        first = false;
                    }

                    y.Text(3, "reason", deduction.Reason, required: true, first: first);
                    y.Text(3, "basis", deduction.Basis);
                }
            }

            if (evidence.Bonuses.Count > 0)
            {
                // One bonus is written as a mapping, as the format shows it; more (a rubric allowing them) as a list.
                var single = evidence.Bonuses.Count == 1;
                y.Open(1, "bonus");
                foreach (var bonus in evidence.Bonuses)
                {
                    var indent = single ? 2 : 3;
                    if (!single)
                    {
                        y.Item(2);
                    }

                    var first = !single;
                    if (bonus.Points is { } points)
                    {
                        y.Key(indent, "points", first).Plain(Number(points));
                        first = false;
                    }

                    y.Text(indent, "reason", bonus.Reason, required: true, first: first);
                    y.Text(indent, "basis", bonus.Basis);
                }
            }
        }

        y.Text(0, "conclusion", evidence.Conclusion);
        if (evidence.Decision is { } decision)
        {
            y.Open(0, "decision");
            y.Key(1, "tier").Quoted(decision.Tier);
            y.Text(1, "by", decision.By);
            if (decision.On is { } on)
            {
                y.Key(1, "on").Plain(Date(on));
            }
        }

        if (evidence.Certificate is { } certificate)
        {
            y.Open(0, "certificate");
            var written = y.Text(1, "number", certificate.Number);
            if (certificate.Issued is { } issued)
            {
                y.Key(1, "issued").Plain(Date(issued));
                written = true;
            }

            if (certificate.Expires is { } expires)
            {
                y.Key(1, "expires").Plain(Date(expires));
                written = true;
            }

            if (!written)
            {
                y.Raw("{}");
            }
        }

        return y.ToString();
    }

    /// <summary>A finding as a list item at <paramref name="level"/>, its keys one level deeper; assessments nest below.</summary>
    private static void WriteFinding(Yaml y, Finding finding, int level)
    {
        y.Item(level);
        var first = true;
        if (finding.Item is not null)
        {
            y.Key(level + 1, "item", first).Quoted(finding.Item);
            first = false;
        }

        if (finding.Indicator is not null)
        {
            y.Key(level + 1, "indicator", first).Quoted(finding.Indicator);
            first = false;
        }

        // Who comes first: an assessment is read by its assessor's name.
        first &= !y.List(level + 1, "by", finding.By, first);

        if (finding.Result is { } result)
        {
            y.Key(level + 1, "result", first).Plain(EvidenceWords.Of(result));
            first = false;
        }

        if (finding.Points is { } points)
        {
            y.Key(level + 1, "points", first).Plain(Number(points));
            first = false;
        }

        if (finding.Sample is { } sample)
        {
            y.Key(level + 1, "sample", first).Raw($"{{ size: {Int(sample.Size)}, conforming: {Int(sample.Conforming)} }}");
            first = false;
        }

        if (finding.Grade is { } grade)
        {
            y.Key(level + 1, "grade", first).Plain(EvidenceWords.Of(grade));
            first = false;
        }

        if (finding.Methods.Count > 0)
        {
            y.Key(level + 1, "methods", first).Flow(finding.Methods.Select(FormatWords.Of));
            first = false;
        }

        first &= !y.List(level + 1, "evidence", finding.Evidence, first);
        first &= !y.Text(level + 1, "note", finding.Note, first: first);
        first &= !y.Text(level + 1, "reason", finding.Reason, first: first);
        if (finding.Nc is { } nc)
        {
            // The nonconformity record (docs/evidence-format.md), followed to closure across audits.
            y.Open(level + 1, "nc", first);
            first = false;
            y.Key(level + 2, "id").Quoted(nc.Id);
            y.Text(level + 2, "confirmed_by", nc.ConfirmedBy);
            y.Text(level + 2, "root_cause", nc.RootCause);
            y.Text(level + 2, "action", nc.Action);
            if (nc.Due is { } due)
            {
                y.Key(level + 2, "due").Plain(Date(due));
            }

            y.Key(level + 2, "status").Plain(Words.CorrectionStatuses.TokenOf(nc.Status));
            y.Text(level + 2, "verified_by", nc.VerifiedBy);
            if (nc.VerifiedOn is { } verifiedOn)
            {
                y.Key(level + 2, "verified_on").Plain(Date(verifiedOn));
            }
        }

        if (finding.Assessments.Count > 0)
        {
            // Each assessor's record, nested one level deeper (docs/team.md).
            y.Open(level + 1, "assessments", first);
            first = false;
            foreach (var assessment in finding.Assessments)
            {
                WriteFinding(y, assessment, level + 2);
            }
        }

        if (first)
        {
            // A finding with nothing in it still needs to be a mapping to read back as one.
            y.Raw("{}");
        }
    }

    /// <summary>The evidence as a JSON evidence file (two-space indentation, keys in the YAML order).</summary>
    /// <param name="evidence">The evidence.</param>
    public static string ToJson(AuditEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            Property(json, "rubric", RubricReference(evidence));
            Property(json, "assessor", evidence.Assessor);
            json.WritePropertyName("company");
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(evidence.Company.Name);
            Property(json, "credit_code", evidence.Company.CreditCode);
            Property(json, "address", evidence.Company.Address);
            Property(json, "scope", evidence.Company.Scope);
            Property(json, "contact", evidence.Company.Contact);
            json.WriteEndObject();

            var audit = evidence.Audit;
            json.WritePropertyName("audit");
            json.WriteStartObject();
            Property(json, "kind", EvidenceWords.Of(audit.Kind));
            Array(json, "dates", audit.Dates.Select(Date).ToArray());
            if (audit.Team.Count > 0)
            {
                json.WritePropertyName("team");
                json.WriteStartArray();
                foreach (var member in audit.Team)
                {
                    json.WriteStartObject();
                    json.WritePropertyName("name");
                    json.WriteValue(member.Name);
                    Property(json, "role", member.Role);
                    Property(json, "registration", member.Registration);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            Property(json, "body", audit.Body);
            Property(json, "reference", audit.Reference);
            Array(json, "sites", audit.Sites);
            if (audit.Stage != 2)
            {
                json.WritePropertyName("stage");
                json.WriteValue(audit.Stage);
            }

            Property(json, "objectives", audit.Objectives);
            Array(json, "criteria", audit.Criteria);
            NumberProperty(json, "person_days", audit.PersonDays);
            Array(json, "not_covered", audit.NotCovered);
            Property(json, "previous", audit.Previous);
            json.WriteEndObject();

            json.WritePropertyName("findings");
            json.WriteStartArray();
            foreach (var finding in evidence.Findings)
            {
                WriteFinding(json, finding);
            }

            json.WriteEndArray();

            if (evidence.Deductions.Count > 0 || evidence.Bonuses.Count > 0)
            {
                json.WritePropertyName("adjustments");
                json.WriteStartObject();
                if (evidence.Deductions.Count > 0)
                {
                    json.WritePropertyName("deductions");
                    json.WriteStartArray();
                    foreach (var deduction in evidence.Deductions)
                    {
                        json.WriteStartObject();
                        NumberProperty(json, "points", deduction.Points);
                        Property(json, "item", deduction.Item);
                        json.WritePropertyName("reason");
                        json.WriteValue(deduction.Reason);
                        Property(json, "basis", deduction.Basis);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                if (evidence.Bonuses.Count > 0)
                {
                    json.WritePropertyName("bonus");
                    if (evidence.Bonuses.Count > 1)
                    {
                        json.WriteStartArray();
                    }

                    foreach (var bonus in evidence.Bonuses)
                    {
                        json.WriteStartObject();
                        NumberProperty(json, "points", bonus.Points);
                        json.WritePropertyName("reason");
                        json.WriteValue(bonus.Reason);
                        Property(json, "basis", bonus.Basis);
                        json.WriteEndObject();
                    }

                    if (evidence.Bonuses.Count > 1)
                    {
                        json.WriteEndArray();
                    }
                }

                json.WriteEndObject();
            }

            Property(json, "conclusion", evidence.Conclusion);
            if (evidence.Decision is { } decision)
            {
                json.WritePropertyName("decision");
                json.WriteStartObject();
                Property(json, "tier", decision.Tier);
                Property(json, "by", decision.By);
                Property(json, "on", decision.On is { } on ? Date(on) : null);
                json.WriteEndObject();
            }

            if (evidence.Certificate is { } certificate)
            {
                json.WritePropertyName("certificate");
                json.WriteStartObject();
                Property(json, "number", certificate.Number);
                Property(json, "issued", certificate.Issued is { } issued ? Date(issued) : null);
                Property(json, "expires", certificate.Expires is { } expires ? Date(expires) : null);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A finding as a JSON object; its assessments nest inside.</summary>
    private static void WriteFinding(JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        Property(json, "item", finding.Item);
        Property(json, "indicator", finding.Indicator);
        Array(json, "by", finding.By);
        Property(json, "result", finding.Result is { } r ? EvidenceWords.Of(r) : null);
        NumberProperty(json, "points", finding.Points);
        if (finding.Sample is { } sample)
        {
            json.WritePropertyName("sample");
            json.WriteStartObject();
            json.WritePropertyName("size");
            json.WriteValue(sample.Size);
            json.WritePropertyName("conforming");
            json.WriteValue(sample.Conforming);
            json.WriteEndObject();
        }

        Property(json, "grade", finding.Grade is { } g ? EvidenceWords.Of(g) : null);
        Array(json, "methods", finding.Methods.Select(FormatWords.Of).ToArray());
        Array(json, "evidence", finding.Evidence);
        Property(json, "note", finding.Note);
        Property(json, "reason", finding.Reason);
        if (finding.Nc is { } nc)
        {
            json.WritePropertyName("nc");
            json.WriteStartObject();
            Property(json, "id", nc.Id);
            Property(json, "confirmed_by", nc.ConfirmedBy);
            Property(json, "root_cause", nc.RootCause);
            Property(json, "action", nc.Action);
            Property(json, "due", nc.Due is { } due ? Date(due) : null);
            Property(json, "status", Words.CorrectionStatuses.TokenOf(nc.Status));
            Property(json, "verified_by", nc.VerifiedBy);
            Property(json, "verified_on", nc.VerifiedOn is { } verifiedOn ? Date(verifiedOn) : null);
            json.WriteEndObject();
        }

        if (finding.Assessments.Count > 0)
        {
            // Each assessor's record, nested inside the finding (docs/team.md).
            json.WritePropertyName("assessments");
            json.WriteStartArray();
            foreach (var assessment in finding.Assessments)
            {
                WriteFinding(json, assessment);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }


    private static string Number(decimal value) => Numbers.Format(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Property(JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }
    }

    private static void NumberProperty(JsonWriter json, string name, decimal? value)
    {
        if (value is { } v)
        {
            json.WritePropertyName(name);
            json.WriteRawValue(Number(v));
        }
    }

    private static void Array(JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        json.WritePropertyName(name);
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteValue(value);
        }

        json.WriteEndArray();
    }

    [GeneratedRegex(@"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|[0-9]+(?::[0-9]+)+.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();

    /// <summary>A small YAML emitter for the evidence shape: block mappings and lists, flow lists of words.</summary>
    private sealed class Yaml
    {
        private readonly StringBuilder text = new();

        public override string ToString() => text.ToString();

        /// <summary>An ideographic space (U+3000) before '#' starts a comment in YAML too.</summary>
        private static readonly string IdeographicSpaceHash = (char)0x3000 + "#";

        /// <summary>Writes "key:" at a level; <paramref name="first"/> continues a "- " list item line.</summary>
        public Yaml Key(int level, string key, bool first = false)
        {
            if (!first)
            {
                text.Append(' ', level * 2);
            }

            text.Append(key).Append(':');
            return this;
        }

        public void Open(int level, string key, bool first = false)
        {
            Key(level, key, first);
            text.Append('\n');
        }

        public void Item(int level) => text.Append(' ', level * 2).Append("- ");

        public void Plain(string value) => text.Append(' ').Append(value).Append('\n');

        public void Raw(string value) => text.Append(' ').Append(value).Append('\n');

        public void Quoted(string value) => text.Append(' ').Append(DoubleQuoted(value)).Append('\n');

        public void Flow(IEnumerable<string> words) => text.Append(" [").Append(string.Join(", ", words.Select(Scalar))).Append("]\n");

        /// <summary>An optional text: nothing when null; returns whether it wrote.</summary>
        public bool Text(int level, string key, string? value, bool required = false, bool first = false)
        {
            if (value is null && !required)
            {
                return false;
            }

            Key(level, key, first);
            value ??= "";
            if (value.Contains('\n', StringComparison.Ordinal) && LiteralSafe(value))
            {
                // A literal block keeps multi-line notes readable; "|-" because the value has no final line break.
                text.Append(" |-\n");
                foreach (var line in value.Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        text.Append(' ', (level + 1) * 2).Append(line);
                    }

                    text.Append('\n');
                }
            }
            else
            {
                text.Append(' ').Append(Scalar(value)).Append('\n');
            }

            return true;
        }

        public bool List(int level, string key, IReadOnlyList<string> values, bool first = false)
        {
            if (values.Count == 0)
            {
                return false;
            }

            Key(level, key, first);
            text.Append('\n');
            foreach (var value in values)
            {
                Item(level + 1);
                text.Append(Scalar(value)).Append('\n');
            }

            return true;
        }

        private static string Scalar(string value) => PlainSafe(value) ? value : DoubleQuoted(value);

        /// <summary>
        /// Text that YAML reads back as the same text when written plain: no indicator at the start, no ": " or
        /// " #", no flow characters, no surrounding spaces, and nothing the core schema would read as null, a
        /// boolean, a number or a date (so that editors validating against the schema see text, too). Flow
        /// characters (, [ ] { }) are fine inside a block value; flow lists here hold only the format's words.
        /// </summary>
        private static bool PlainSafe(string value)
        {
            if (value.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
                || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value[^1] == ':')
            {
                return false;
            }

            foreach (var c in value)
            {
                if (c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || char.IsControl(c))
                {
                    return false;
                }
            }

            return !value.Contains(": ", StringComparison.Ordinal)
                && !value.Contains(" #", StringComparison.Ordinal)
                && !value.Contains(IdeographicSpaceHash, StringComparison.Ordinal)
                && !LooksTyped().IsMatch(value);
        }

        /// <summary>
        /// A literal block reads back exactly when no line has trailing or (the first) leading spaces, there is no
        /// final line break, and no character needs escaping.
        /// </summary>
        private static bool LiteralSafe(string value) =>
            !value.EndsWith('\n')
            && !value.StartsWith(' ')
            && !value.StartsWith('\n')
            && value.Split('\n').All(line => line.Length == 0 || (!char.IsWhiteSpace(line[^1]) && !char.IsWhiteSpace(line[0])))
            && value.All(c => c == '\n' || (!char.IsControl(c) && c is not ('\u0085' or '\u2028' or '\u2029' or '\uFEFF')));

        private static string DoubleQuoted(string value)
        {
            var quoted = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        quoted.Append("\\\"");
                        break;
                    case '\\':
                        quoted.Append("\\\\");
                        break;
                    case '\n':
                        quoted.Append("\\n");
                        break;
                    case '\t':
                        quoted.Append("\\t");
                        break;
                    case '\r':
                        quoted.Append("\\r");
                        break;
                    default:
                        if (char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }
    }
}
