using System.Globalization;
using Newtonsoft.Json;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Reports;

/// <summary>
/// The JSON result format (<c>docs/result-format.md</c>): keys in a fixed order, decimals exactly as the result
/// holds them (the score keeps its rubric decimals, e.g. <c>85.0</c>), invariant culture, <c>\n</c> line endings,
/// two-space indentation, no timestamps. Other tools read it, so keys are only ever added, never renamed.
/// </summary>
public static class ResultJson
{
    /// <summary>The <c>format</c> value of a result document.</summary>
    public const string ResultFormat = "starrating-result/1";

    /// <summary>The <c>format</c> value of a gap-analysis document.</summary>
    public const string GapFormat = "starrating-gap/1";

    /// <summary>The <c>format</c> value of a comparison document.</summary>
    public const string ComparisonFormat = "starrating-comparison/1";

    /// <summary>The <c>format</c> value of a rubric comparison document.</summary>
    public const string RubricDiffFormat = "starrating-rubric-diff/1";

    /// <summary>Writes a scored audit.</summary>
    /// <param name="result">The result.</param>
    /// <param name="terminology">The terminology of the texts (审核 or 审查); the rubric's when null.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    public static string Write(AuditResult result, Terminology? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Document(terminology ?? result.Rubric.Terminology, w =>
        {
            w.String("format", ResultFormat);
            WriteResult(w, result);
        });
    }

    /// <summary>Writes a gap analysis.</summary>
    /// <param name="gap">The analysis.</param>
    /// <param name="terminology">The terminology of the texts (审核 or 审查); the rubric's when null.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    public static string Write(GapAnalysis gap, Terminology? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return Document(terminology ?? gap.Result.Rubric.Terminology, w =>
        {
            w.String("format", GapFormat);
            var r = gap.Result;
            WriteRubric(w, r.Rubric);
            w.String("company", r.Company.Name);
            w.Decimal("total", r.Score);
            w.String("tier", r.Tier.Id);
            if (gap.Target is { } target)
            {
                w.Start("target");
                WriteTier(w, target);
                w.End();
            }
            else
            {
                w.Null("target");
            }

            w.Decimal("points_missing", gap.PointsMissing);
            w.Bool("reachable", gap.Reachable);
            w.Decimal("projected_score", gap.ProjectedScore);
            w.Array("plan", gap.Plan, g => w.Value(g.Item.Item.Id));
            w.Array("ranked", gap.Ranked, g =>
            {
                w.StartValue();
                w.String("id", g.Item.Item.Id);
                w.String("indicator", g.Item.Item.Indicator.Id);
                w.String("status", EvidenceWords.Of(g.Item.Status));
                w.Decimal("lost", g.LostPoints);
                w.Decimal("gain", g.ScoreGain);
                w.Bool("prerequisite", g.Prerequisite);
                w.End();
            });
            w.Array("blockers", gap.Blockers, b => w.Localized(null, b));
        });
    }

    /// <summary>Writes a comparison of two audits.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    public static string Write(AuditComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return Document(comparison.After.Rubric.Terminology, w =>
        {
            w.String("format", ComparisonFormat);
            WriteRubric(w, comparison.After.Rubric);
            foreach (var (key, r) in new[] { ("before", comparison.Before), ("after", comparison.After) })
            {
                w.Start(key);
                w.String("company", r.Company.Name);
                w.String("kind", EvidenceWords.Of(r.Audit.Kind));
                w.Array("dates", r.Audit.Dates, d => w.Value(Date(d)));
                w.String("reference", r.Audit.Reference);
                w.String("rubric_version", r.Rubric.Version);
                w.String("rubric_sha256", r.Rubric.Sha256);
                w.String("rubric_id", r.Rubric.Id);
                w.Decimal("total", r.Score);
                w.String("tier", r.Tier.Id);
                w.End();
            }

            w.Decimal("score_delta", comparison.ScoreDelta);
            w.Int("tier_change", comparison.TierChange);
            w.Array("categories", comparison.Categories, d => WriteDelta(w, d));
            w.Array("indicators", comparison.Indicators, d => WriteDelta(w, d));
            w.Array("changed_items", comparison.ChangedItems, c =>
            {
                w.StartValue();
                w.String("id", c.Id);
                w.String("before", c.Before is { } b ? EvidenceWords.Of(b) : null);
                w.String("after", c.After is { } a ? EvidenceWords.Of(a) : null);
                w.Decimal("before_earned", c.BeforeEarned);
                w.Decimal("after_earned", c.AfterEarned);
                w.Decimal("earned_delta", c.EarnedDelta);
                w.Decimal("before_points", c.BeforePoints is { } bp ? Numbers.Normalize(bp) : null);
                w.Decimal("after_points", c.AfterPoints is { } ap ? Numbers.Normalize(ap) : null);
                w.Bool("rubric_changed", c.RubricChanged);
                w.End();
            });
            WriteWarnings(w, comparison.Warnings);
            if (comparison.RubricChanges is { } diff)
            {
                WriteRubricChanges(w, "rubric_changes", diff);
            }
            else
            {
                w.Null("rubric_changes");
            }
        });
    }

    /// <summary>Writes what changed between two rubrics (<c>starrating rubric diff --format json</c>).</summary>
    /// <param name="diff">The rubric comparison.</param>
    /// <returns>The JSON text, ending with a line break.</returns>
    public static string Write(RubricDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return Document(diff.After.Terminology, w =>
        {
            w.String("format", RubricDiffFormat);
            w.Start("before");
            WriteRubricIdentity(w, diff.Before);
            w.End();
            w.Start("after");
            WriteRubricIdentity(w, diff.After);
            w.End();
            w.Start("summary");
            w.Int("changes", diff.Changes.Count);
            w.Int("points", diff.Changes.Count(c => c.IsPoints));
            w.Int("added", diff.Changes.Count(c => c.Kind == RubricChangeKind.Added));
            w.Int("removed", diff.Changes.Count(c => c.Kind == RubricChangeKind.Removed));
            w.Int("tiers", diff.Changes.Count(c => c.Part == RubricPart.Tier));
            w.Int("conditions", diff.Changes.Count(c => c.IsCondition));
            w.End();
            WriteRubricChanges(w, "changes", diff);
        });
    }

    private static void WriteRubricChanges(Writer w, string name, RubricDiff diff) =>
        w.Array(name, diff.Changes, c =>
        {
            w.StartValue();
            w.String("part", RubricWords.Of(c.Part));
            w.String("id", c.Id);
            w.String("change", RubricWords.Of(c.Kind));
            w.String("key", c.Key);
            w.String("before", c.Before);
            w.String("after", c.After);
            w.End();
        });

    private static void WriteResult(Writer w, AuditResult r)
    {
        WriteRubric(w, r.Rubric);
        w.Start("evidence");
        w.String("source", DisplayText.Escape(r.Evidence.SourceName));
        w.String("sha256", r.Evidence.Sha256);
        w.End();

        w.Start("company");
        w.String("name", r.Company.Name);
        w.String("credit_code", r.Company.CreditCode);
        w.String("address", r.Company.Address);
        w.String("scope", r.Company.Scope);
        w.String("contact", r.Company.Contact);
        w.End();

        var audit = r.Audit;
        w.Start("audit");
        w.String("kind", EvidenceWords.Of(audit.Kind));
        w.Bool("formal", audit.IsFormal);
        w.Array("dates", audit.Dates, d => w.Value(Date(d)));
        w.Array("team", audit.Team, m =>
        {
            w.StartValue();
            w.String("name", m.Name);
            w.String("role", m.Role);
            w.String("registration", m.Registration);
            w.End();
        });
        w.String("body", audit.Body);
        w.String("reference", audit.Reference);
        w.Array("sites", audit.Sites, s => w.Value(s));
        w.String("conclusion", r.Evidence.Conclusion);
        w.Int("stage", audit.Stage);
        w.String("objectives", audit.Objectives);
        w.Array("criteria", audit.Criteria, c => w.Value(c));
        w.Decimal("person_days", audit.PersonDays);
        w.Array("not_covered", audit.NotCovered, c => w.Value(c));
        w.String("previous", audit.Previous is { } previousPath ? DisplayText.Escape(previousPath) : null);
        w.End();

        w.Decimal("total", r.Score);
        w.Start("score");
        w.Decimal("unrounded", r.UnroundedScore);
        w.Decimal("item_score", r.ItemScore);
        w.Decimal("earned", r.EarnedPoints);
        w.Decimal("applicable", r.ApplicablePoints);
        w.Decimal("possible", r.PossiblePoints);
        w.Decimal("excluded", r.ExcludedPoints);
        w.Decimal("deductions", r.DeductionPoints);
        w.Decimal("bonus", r.BonusPoints);
        w.Bool("clamped", r.Clamped);
        w.Int("decimals", r.Rubric.Scoring.Decimals);
        w.End();

        w.Start("tier");
        WriteTier(w, r.Tier);
        w.String("by_score", r.ScoreTier.Id);
        w.Array("blocks", r.TierBlocks, b =>
        {
            w.StartValue();
            w.String("tier", b.Tier.Id);
            w.Localized("reason", b.Reason);
            w.Array("items", b.Items, i => w.Value(i));
            w.End();
        });
        w.End();

        if (r.NextTier is { } next)
        {
            w.Start("next_tier");
            WriteTier(w, next);
            w.Decimal("points_missing", r.PointsToNextTier);
            w.End();
        }
        else
        {
            w.Null("next_tier");
        }

        w.Array("categories", r.Categories, c =>
        {
            w.StartValue();
            w.String("id", c.Category.Id);
            w.Localized("name", c.Category.Name);
            w.Decimal("earned", c.Earned);
            w.Decimal("applicable", c.Applicable);
            w.Decimal("possible", c.Possible);
            w.Decimal("percent", c.Percent);
            w.End();
        });
        w.Array("indicators", r.Indicators, i =>
        {
            w.StartValue();
            w.String("id", i.Indicator.Id);
            w.String("category", i.Indicator.Category.Id);
            w.Localized("name", i.Indicator.Name);
            w.Decimal("earned", i.Earned);
            w.Decimal("applicable", i.Applicable);
            w.Decimal("possible", i.Possible);
            w.Decimal("percent", i.Percent);
            w.Bool("excluded", i.Excluded);
            w.Bool("provisional", i.Indicator.PointsProvisional);
            w.End();
        });
        w.Array("items", r.Items, i =>
        {
            w.StartValue();
            w.String("id", i.Item.Id);
            w.String("indicator", i.Item.Indicator.Id);
            w.String("status", EvidenceWords.Of(i.Status));
            w.String("grade", i.Grade is { } g ? EvidenceWords.Of(g) : null);
            w.Decimal("earned", i.Earned);
            w.Decimal("applicable", i.Applicable);
            w.Decimal("possible", i.Possible);
            w.Decimal("lost", i.Lost);
            w.Decimal("percent", i.Percent);
            w.Bool("from_indicator", i.FromIndicatorFinding);
            if (i.Sample is { } s)
            {
                w.Start("sample");
                w.Int("size", s.Size);
                w.Int("conforming", s.Conforming);
                w.End();
            }
            else
            {
                w.Null("sample");
            }

            w.Array("methods", i.Methods, m => w.Value(FormatWords.Of(m)));
            w.Array("evidence", i.Evidence, e => w.Value(e));
            w.String("note", i.Note);
            w.String("exclusion_reason", i.ExclusionReason);
            w.Localized("requirement", i.Item.Requirement);
            w.Localized("explanation", i.Explanation);
            WriteRecord(w, i.Finding?.Nc);
            w.End();
        });

        w.Start("adjustments");
        w.Array("deductions", r.Deductions, a => WriteAdjustment(w, a));
        w.Array("bonuses", r.Bonuses, a => WriteAdjustment(w, a));
        w.End();

        w.Array("exclusions", r.Exclusions, e =>
        {
            w.StartValue();
            w.String("id", e.Id);
            w.String("scope", e.IsIndicator ? "indicator" : "item");
            w.Localized("name", e.Name);
            w.Decimal("points", e.Points);
            w.String("reason", e.Reason);
            w.End();
        });
        w.Array("not_assessed", r.NotAssessed, i => w.Value(i.Item.Id));
        w.Array("nonconformities", r.Nonconformities, n =>
        {
            w.StartValue();
            w.String("kind", n.Kind == NonconformityKind.Item ? "item" : "special_deduction");
            w.String("grade", n.Grade is { } g ? EvidenceWords.Of(g) : null);
            w.String("id", n.Id);
            w.Decimal("lost", n.LostPoints);
            w.Localized("description", n.Description);
            w.Array("evidence", n.Evidence, e => w.Value(e));
            w.Bool("repeated", n.Repeated);
            w.String("nc_id", n.Record?.Id);
            w.End();
        });
        w.Array("notices", r.Notices, n =>
        {
            w.StartValue();
            w.String("code", n.Code);
            w.Localized("text", n.Text);
            w.End();
        });
        WriteWarnings(w, r.Warnings);
        WriteCycle(w, r);
        WriteTeam(w, r);
    }

    /// <summary>
    /// The audit team's agreement (<c>team</c>), only for a team's audit (findings naming two or more assessors), so
    /// single-assessor results stay as they were. Exact fractions as strings (<c>"5/11"</c>) beside the rounded figures.
    /// </summary>
    private static void WriteTeam(Writer w, AuditResult r)
    {
        if (TeamAgreement.OfTeamAudit(r.Evidence, r.Rubric) is not { } a)
        {
            return;
        }

        w.Start("team");
        w.Array("assessors", a.Assessors, n => w.Value(n));
        w.Decimal("spread_threshold", Numbers.Normalize(a.Threshold));
        w.Start("overall");
        WriteFigures(w, a.Overall);
        w.End();
        w.Array("indicators", a.Indicators, i =>
        {
            w.StartValue();
            w.String("id", i.Id);
            WriteFigures(w, i.Figures);
            w.End();
        });
        w.Array("pairs", a.Pairs, p =>
        {
            w.StartValue();
            w.String("first", p.First);
            w.String("second", p.Second);
            WriteFigures(w, p.Figures);
            w.End();
        });
        w.Array("spreads", a.Spreads, s =>
        {
            w.StartValue();
            w.String("id", s.Target);
            w.Array("points", s.Points, p =>
            {
                w.StartValue();
                w.String("by", p.Assessor);
                w.Decimal("points", p.Points);
                w.End();
            });
            w.Decimal("spread", s.Spread);
            w.Bool("flagged", s.Flagged);
            w.End();
        });
        w.Array("disagreements", a.Disagreements, d => WriteTeamFinding(w, d, pooled: false));
        w.Array("pooled", a.Pooled, d => WriteTeamFinding(w, d, pooled: true));
        w.End();
    }

    private static void WriteFigures(Writer w, AgreementFigures f)
    {
        w.Int("items", f.Items);
        w.Int("alike", f.Alike);
        w.Decimal("alike_percent", f.AlikePercent);
        w.String("alike_fraction", f.AlikeFraction);
        w.Start("ratings");
        foreach (var category in new[] { ItemStatus.Conforming, ItemStatus.Partial, ItemStatus.Nonconforming, ItemStatus.NotApplicable })
        {
            w.Int(EvidenceWords.Of(category), f.Categories.FirstOrDefault(c => c.Category == category)?.Count ?? 0);
        }

        w.End();
        w.String("observed", f.ObservedFraction);
        w.String("expected", f.ExpectedFraction);
        w.Decimal("kappa", f.Kappa);
        w.String("kappa_fraction", f.KappaFraction);
        w.String("kappa_undefined", f.Gap switch
        {
            AgreementGap.NoPairs => "no_pairs",
            AgreementGap.OneCategory => "one_category",
            _ => null,
        });
    }

    private static void WriteTeamFinding(Writer w, TeamFinding d, bool pooled)
    {
        w.StartValue();
        w.String("id", d.Target);
        if (!pooled)
        {
            w.Bool("resolved", d.Resolved);
        }

        WriteReading(w, d.Finding);
        w.Array("assessments", d.Assessments, x =>
        {
            w.StartValue();
            w.String("by", string.Join("/", x.By));
            WriteReading(w, x);
            w.End();
        });
        w.End();
    }

    /// <summary>What a finding says, as the evidence writes it: result, points, sample (null where not given).</summary>
    private static void WriteReading(Writer w, Finding f)
    {
        w.String("result", f.Result is { } result ? EvidenceWords.Of(result) : null);
        w.Decimal("points", f.Points is { } points ? Numbers.Normalize(points) : null);
        if (f.Sample is { } s)
        {
            w.Start("sample");
            w.Int("size", s.Size);
            w.Int("conforming", s.Conforming);
            w.End();
        }
        else
        {
            w.Null("sample");
        }
    }

    /// <summary>The certification cycle: the body's decision, the certificate, open majors, surveillance, the previous audit.</summary>
    private static void WriteCycle(Writer w, AuditResult r)
    {
        if (r.Evidence.Decision is { } decision)
        {
            w.Start("decision");
            w.String("tier", decision.Tier);
            w.Localized("label", r.DecisionTier?.Label);
            w.String("by", decision.By);
            w.String("on", decision.On is { } on ? Date(on) : null);
            w.Bool("differs", decision.Tier != r.Tier.Id);
            w.End();
        }
        else
        {
            w.Null("decision");
        }

        if (r.Evidence.Certificate is { } certificate)
        {
            w.Start("certificate");
            w.String("number", certificate.Number);
            w.String("issued", certificate.Issued is { } issued ? Date(issued) : null);
            w.String("expires", certificate.Expires is { } expires ? Date(expires) : null);
            w.End();
        }
        else
        {
            w.Null("certificate");
        }

        w.Array("open_majors", r.OpenMajors, i => w.Value(i));
        if (r.Surveillance is { } schedule)
        {
            w.Start("surveillance");
            w.String("anchor", Date(schedule.Anchor));
            w.Int("interval_months", schedule.IntervalMonths);
            w.String("due", schedule.Due is { } due ? Date(due) : null);
            w.Bool("overdue", schedule.Overdue);
            w.String("next_due", Date(schedule.Next));
            w.End();
        }
        else
        {
            w.Null("surveillance");
        }

        if (r.Previous is { } previous)
        {
            w.Start("previous");
            w.String("source", DisplayText.Escape(previous.Source));
            w.String("kind", EvidenceWords.Of(previous.Kind));
            w.Array("dates", previous.Dates, d => w.Value(Date(d)));
            w.Decimal("score", previous.Score);
            w.String("tier", previous.TierId);
            w.Localized("tier_label", previous.TierLabel);
            w.String("rubric_version", previous.RubricVersion);
            w.Array("nonconformities", previous.Nonconformities, n =>
            {
                w.StartValue();
                w.String("id", n.Id);
                w.String("item", n.Item);
                w.String("grade", EvidenceWords.Of(n.Grade));
                w.String("status", EvidenceWords.Of(n.Status));
                w.String("record_status", n.RecordStatus is { } rs ? EvidenceWords.Of(rs) : null);
                w.String("due", n.Due is { } d ? Date(d) : null);
                w.Bool("overdue", n.Overdue);
                w.String("now", n.Now is { } now ? EvidenceWords.Of(now) : null);
                w.End();
            });
            w.End();
        }
        else
        {
            w.Null("previous");
        }
    }

    private static void WriteRecord(Writer w, NonconformityRecord? nc)
    {
        if (nc is null)
        {
            w.Null("nc");
            return;
        }

        w.Start("nc");
        w.String("id", nc.Id);
        w.String("confirmed_by", nc.ConfirmedBy);
        w.String("root_cause", nc.RootCause);
        w.String("action", nc.Action);
        w.String("due", nc.Due is { } due ? Date(due) : null);
        w.String("status", EvidenceWords.Of(nc.Status));
        w.String("verified_by", nc.VerifiedBy);
        w.String("verified_on", nc.VerifiedOn is { } on ? Date(on) : null);
        w.End();
    }

    private static void WriteWarnings(Writer w, IReadOnlyList<Diagnostic> warnings) =>
        w.Array("warnings", warnings, d =>
        {
            w.StartValue();
            w.String("code", d.Code);
            w.String("severity", d.Severity == DiagnosticSeverity.Error ? "error" : d.Severity == DiagnosticSeverity.Warning ? "warning" : "info");
            w.String("file", DisplayText.Escape(d.Location.File));
            w.Int("line", d.Location.Line);
            w.Int("column", d.Location.Column);
            w.String("message", d.Message);
            w.String("hint", d.Hint);
            w.End();
        });

    private static void WriteRubric(Writer w, Rubric rubric)
    {
        w.Start("rubric");
        WriteRubricIdentity(w, rubric, withScale: true);
        w.End();
    }

    /// <summary>
    /// id, version, sha256 (then, <paramref name="withScale"/>, standard and total) and base: what names a rubric
    /// exactly, with the chain it is resolved from.
    /// </summary>
    private static void WriteRubricIdentity(Writer w, Rubric rubric, bool withScale = false)
    {
        w.String("id", rubric.Id);
        w.String("version", rubric.Version);
        w.String("sha256", rubric.Sha256);
        if (withScale)
        {
            w.String("standard", rubric.Standard);
            w.Decimal("total", rubric.TotalPoints);
        }

        WriteBase(w, rubric);
    }

    /// <summary>The rubric an overlay extends (id, version, SHA-256, and its own base), or null for a plain rubric.</summary>
    private static void WriteBase(Writer w, Rubric rubric)
    {
        if (rubric.Base is not { } baseRubric)
        {
            w.Null("base");
            return;
        }

        w.Start("base");
        WriteRubricIdentity(w, baseRubric);
        w.End();
    }

    private static void WriteTier(Writer w, Tier tier)
    {
        w.String("id", tier.Id);
        w.Localized("label", tier.Label);
        w.Int("stars", tier.Stars);
        w.Decimal("min", tier.MinScore);
    }

    private static void WriteAdjustment(Writer w, AppliedAdjustment a)
    {
        w.StartValue();
        w.Decimal("points", a.Points);
        w.String("reason", a.Reason);
        w.String("basis", a.Basis);
        w.String("item", a.Item);
        w.End();
    }

    private static void WriteDelta(Writer w, ScoreDelta d)
    {
        w.StartValue();
        w.String("id", d.Id);
        w.Decimal("before_earned", d.BeforeEarned);
        w.Decimal("after_earned", d.AfterEarned);
        w.Decimal("before_applicable", d.BeforeApplicable);
        w.Decimal("after_applicable", d.AfterApplicable);
        w.Decimal("before_percent", d.BeforePercent);
        w.Decimal("after_percent", d.AfterPercent);
        w.Decimal("earned_delta", d.EarnedDelta);
        w.Decimal("percent_delta", d.PercentDelta);
        w.End();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Document(Terminology terminology, Action<Writer> body)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            body(new Writer(json, terminology));
            json.WriteEndObject();
        });
    }

    /// <summary>Thin helpers over <see cref="JsonWriter"/> so every key is written in code, in a fixed order.</summary>
    private sealed class Writer(JsonWriter json, Terminology terminology)
    {
        public void Start(string name)
        {
            json.WritePropertyName(name);
            json.WriteStartObject();
        }

        public void StartValue() => json.WriteStartObject();

        public void End() => json.WriteEndObject();

        public void Null(string name)
        {
            json.WritePropertyName(name);
            json.WriteNull();
        }

        public void String(string name, string? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        public void Value(string value) => json.WriteValue(value);

        public void Bool(string name, bool value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        public void Int(string name, int value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        /// <summary>A decimal exactly as held (its scale included), never through double.</summary>
        public void Decimal(string name, decimal? value)
        {
            json.WritePropertyName(name);
            if (value is { } v)
            {
                json.WriteRawValue(v.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull();
            }
        }

        public void Localized(string? name, LocalizedText? text)
        {
            if (name is not null)
            {
                json.WritePropertyName(name);
            }

            if (text is null)
            {
                json.WriteNull();
                return;
            }

            json.WriteStartObject();
            json.WritePropertyName("zh");
            json.WriteValue(text.Zh);
            json.WritePropertyName("en");
            json.WriteValue(text.En);
            json.WriteEndObject();
        }

        /// <summary>
        /// A message of the engine in both languages, from the vocabulary: <c>{ "zh": …, "en": … }</c>. A text a person
        /// wrote (<see cref="Message.Verbatim"/>) has no English version: <c>en</c> is null, as for rubric texts.
        /// </summary>
        public void Localized(string? name, Message text)
        {
            if (text.Key == "text.verbatim")
            {
                Localized(name, new LocalizedText((string?)text.Arguments["text"] ?? ""));
                return;
            }

            Localized(name, new LocalizedText(
                Vocabulary.Default.Format(text, new Wording(Language.Chinese, terminology)),
                Vocabulary.Default.Format(text, new Wording(Language.English, terminology))));
        }

        public void Array<T>(string name, IEnumerable<T> values, Action<T> write)
        {
            json.WritePropertyName(name);
            json.WriteStartArray();
            foreach (var value in values)
            {
                write(value);
            }

            json.WriteEndArray();
        }
    }
}
