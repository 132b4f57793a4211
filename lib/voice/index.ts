/**
 * Brandline's draft checker (public API). Pure functions: no DOM, no browser API.
 *
 *   check(text, guide, context)       → { findings, score, stats }
 *   applyFix(text, finding)           → text with the finding's fix applied
 *   detectPillar(text, pillars)       → id of the pillar whose keywords occur most, or null
 *   fillTemplate(body, vars)          → a saved reply with {name} {handle} {brand} filled
 *   platformLimit(platform, kind, g)  → the length limit (guide override wins)
 *   weightedLength(text, platform)    → the length as the platform counts it
 */
export { check, detectPillar, scoreFindings, RULE_IDS, SCORE_PENALTY, type RuleId } from './check';
export { applyFix, matchCase } from './fixes';
export { fillTemplate, TEMPLATE_FALLBACKS, type TemplateVars } from './template';
export {
  platformLimit,
  platformHashtagCap,
  weightedLength,
  measureLength,
  PLATFORM_RULES,
  type PlatformRules,
  type LengthUnit,
  type Measured,
} from './length';
export type { CheckContext, CheckResult, CheckStats, Finding, Fix, Severity } from './types';
