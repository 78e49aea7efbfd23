using System.Text;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// A stage 1 audit (document review) is honest about what it is: the items the rubric assesses only on site are not
/// missing, a finding claiming a site-visit method is warned about, no certification decision is taken on it, no
/// surveillance clock starts, and its result recommends no tier (notice stage-one-no-recommendation).
/// </summary>
public sealed class StageOneTests
{
    private static readonly CheckItem[] Reviewable = Rubric.Default.Items.Where(i => i.Methods.Count == 0 || i.Methods.Contains(EvidenceMethod.DocumentReview)).ToArray();
    private static readonly CheckItem[] OnSiteOnly = Rubric.Default.Items.Except(Reviewable).ToArray();

    /// <summary>An initial audit's stage 1: every item that documents can show, reviewed; the first also "interviewed".</summary>
    private static string Audit(int stage = 1, string extra = "")
    {
        var text = new StringBuilder($$"""
            company: { name: 测试电器有限公司 }
            audit:
              kind: initial
              stage: {{stage}}
              dates: [2026-03-02]
              team: [ { name: 王敏, role: lead } ]
            findings:

            """);
        for (var i = 0; i < Reviewable.Length; i++)
        {
            var methods = i == 0 ? "[document, interview, observation]" : "[document]";
            text.Append($"  - {{ item: \"{Reviewable[i].Id}\", result: conforming, methods: {methods} }}\n");
        }

        return text.Append(extra).ToString();
    }

    private static LoadResult<AuditResult> Score(string yaml) =>
        new AuditEngine(Rubric.Default).Score(new EvidenceLoader().Parse(yaml, "stage1.yaml").GetValueOrThrow());

    [Fact]
    public void The_default_rubric_has_items_only_a_site_visit_can_assess()
    {
        // Otherwise the tests below would prove nothing about completeness.
        OnSiteOnly.Should().NotBeEmpty();
        Reviewable.Should().NotBeEmpty();
    }

    [Fact]
    public void A_document_review_scores_without_the_on_site_items_and_recommends_no_tier()
    {
        var result = Score(Audit()).GetValueOrThrow();

        result.NotAssessed.Select(i => i.Item.Id).Should().BeEquivalentTo(OnSiteOnly.Select(i => i.Id), "they are left to stage 2, not missing");
        var notice = result.Notices.Should().ContainSingle(n => n.Code == "stage-one-no-recommendation").Which;
        new Wording(Language.English).Format(notice.Text).Should().Contain($"{OnSiteOnly.Length} check items that can only be assessed on site are left to stage 2")
            .And.Contain("no rating is recommended");
        result.Surveillance.Should().BeNull("a document review starts no surveillance clock");
    }

    [Fact]
    public void The_same_audit_on_site_must_be_complete()
    {
        var result = Score(Audit(stage: 2));

        result.Errors.Select(e => e.Code).Should().Equal("SR3015");
    }

    [Fact]
    public void A_site_visit_method_in_a_document_review_is_a_warning_at_the_methods()
    {
        var result = Score(Audit()).GetValueOrThrow();

        var warning = result.Warnings.Should().ContainSingle(w => w.Code == "SR3131").Which;
        warning.Location.Line.Should().Be(8, "the first finding's line");
        warning.ToString().Should().Contain($"item {Reviewable[0].Id} claims site-visit methods in a stage 1 audit (document review): Staff interview, Site observation");
    }

    [Fact]
    public void A_document_review_takes_no_certification_decision()
    {
        var result = Score(Audit(extra: "decision: { tier: compliant, by: 技术委员会, on: 2026-03-20 }\n"));

        result.Errors.Select(e => e.Code).Should().Equal("SR3132");
    }
}
