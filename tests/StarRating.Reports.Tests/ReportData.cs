using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Testing;

/// <summary>Every text of a result's input (evidence and rubric) an output may show: the data, not the vocabulary.</summary>
internal static class ReportData
{
    public static IEnumerable<string?> Of(AuditResult result)
    {
        var e = result.Evidence;
        var c = e.Company;
        var a = e.Audit;
        yield return c.Name;
        yield return c.CreditCode;
        yield return c.Address;
        yield return c.Scope;
        yield return c.Contact;
        yield return a.Body;
        yield return a.Reference;
        yield return e.Conclusion;
        yield return e.SourceName;
        yield return e.Sha256;
        foreach (var site in a.Sites.Concat(a.Criteria).Concat(a.NotCovered))
        {
            yield return site;
        }

        yield return a.Objectives;
        yield return a.Previous;
        yield return e.Decision?.By;
        yield return e.Decision?.Tier;
        yield return e.Certificate?.Number;
        yield return result.Previous?.Source;

        foreach (var member in a.Team)
        {
            yield return member.Name;
            yield return member.Role;
            yield return member.Registration;
        }

        foreach (var finding in e.Findings)
        {
            yield return finding.Note;
            yield return finding.Reason;
            yield return finding.Nc?.Id;
            yield return finding.Nc?.ConfirmedBy;
            yield return finding.Nc?.RootCause;
            yield return finding.Nc?.Action;
            yield return finding.Nc?.VerifiedBy;
            foreach (var evidence in finding.Evidence)
            {
                yield return evidence;
            }
        }

        foreach (var d in e.Deductions)
        {
            yield return d.Reason;
            yield return d.Basis;
        }

        foreach (var b in e.Bonuses)
        {
            yield return b.Reason;
            yield return b.Basis;
        }

        foreach (var id in result.Previous?.Nonconformities.Select(n => n.Id) ?? [])
        {
            yield return id;
        }

        foreach (var text in Of(result.Rubric))
        {
            yield return text;
        }
    }

    public static IEnumerable<string?> Of(Rubric rubric)
    {
        yield return rubric.Id;
        yield return rubric.Version;
        yield return rubric.Sha256;
        yield return rubric.Standard;
        yield return rubric.SourceName;
        for (var layer = rubric.Base; layer is not null; layer = layer.Base)
        {
            yield return layer.Id;
            yield return layer.Version;
            yield return layer.Sha256;
        }

        var texts = new List<LocalizedText?> { rubric.Title, rubric.ReportTitle, rubric.Description, rubric.ProvisionalNote };
        texts.AddRange(rubric.ApplicationDocuments);
        foreach (var tier in rubric.Tiers)
        {
            yield return tier.Id;
            texts.Add(tier.Label);
            texts.Add(tier.InitialAuditNote);
        }

        foreach (var category in rubric.Categories)
        {
            texts.Add(category.Name);
            foreach (var indicator in category.Indicators)
            {
                texts.Add(indicator.Name);
                texts.Add(indicator.Summary);
                foreach (var item in indicator.Items)
                {
                    texts.Add(item.Requirement);
                    texts.AddRange(item.Documents);
                }
            }
        }

        foreach (var text in texts.OfType<LocalizedText>())
        {
            yield return text.Zh;
            yield return text.En;
        }
    }
}
