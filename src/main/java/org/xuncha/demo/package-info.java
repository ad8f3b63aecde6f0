/**
 * Demo and benchmark data: the {@code generate} command and the demo city loaded on the first start of an
 * empty embedded database.
 *
 * <p>Bulk-load exception: this module writes straight into the tables of the organization, people, identity,
 * planning, inspection, inforequest, intake and findings modules (columns as in V1__platform.sql, V2__organization.sql,
 * V3__people.sql, V5__planning.sql, V7__intake.sql, V8_17 … V8_22: work logs, working papers, findings, leads) with batched inserts, instead of going through those modules'
 * services; it is the one module {@code TableOwnershipTests} lets name other modules' tables. Since no event is
 * published for rows written this way, it also files the inspections in the records intake and staffing keep from
 * inspection's events ({@code intake_inspection}, {@code staffing_inspection}, {@code staffing_team_seat}; V8_10,
 * V8_11), exactly as the migrations' backfill does. The province scale
 * writes about 40,000 organizations, 28,000 regions and 5,000 inspectors with their child rows, and five terms
 * of plans and inspections (about 200,000 plan entries, 40,000 inspections, 200,000 team seats and as many
 * targets and stage moves) in one transaction; one service call, one audit record and one round trip per row
 * would take hours. Stage moves are written as history rows (inspection_stage_change) without one audit
 * record each: they describe the fictional past of the demo, not actions anybody took. Nothing else may copy this shortcut:
 * the generator only ever writes into a database that holds no inspection body yet, so it can bypass no rule
 * that guards existing data. The identity numbers are still sealed and blind-indexed through
 * {@link org.xuncha.platform.crypto.FieldCipher} and {@link org.xuncha.platform.crypto.KeyedHash}, and the run
 * appends one audit record (DEMO_DATA_GENERATED).
 *
 * <p>Not bulk: the demo city's one data comparison is run through findings' {@code Comparisons.compare} (named
 * interface {@code findings :: comparison}) from two spreadsheets built in memory, as the team's upload would, so
 * it is stored, sealed and audited exactly as the capability stores it (DemoComparison). The inspection reports,
 * their steps and versions, the 报送 record (V8_13, V8_24) and a 专题报告 are written in bulk like the rest of the
 * team's record, with the counts the report service would copy (DemoFindings).
 *
 * <p>Referral (issue 13 §7): the demo city's transfers take every step row by row (DemoReferrals); the province
 * writes referral's tables (V8_25, V8_27, V8_30, V8_31) and intake's outcome text of transferred petitions in
 * batches, the outcomes in the seeds' proportions ({@code ReferralPlan}, DemoReferralsInBulk). Either way each
 * 移交函 is issued and signed through {@code referral :: letter} (TransferLetters), so every stored letter verifies.
 *
 * <p>Rectification (issue 14 §9): the feedback, plans and ledger of every inspection past feedback are written into
 * rectification's tables (V8_32 … V8_40) in batches (DemoRectificationInBulk, the paths from RectificationPlan), the
 * city with a showcase of every item state and the duplicates red cards look for; the deadlines in working days come
 * from rectification's {@code WorkingDays}, the city's evidence files pass platform's UploadCheck.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据",
        allowedDependencies = {"common", "platform", "audit", "organization", "people", "inspection", "inforequest", "findings",
                "findings :: comparison", "referral", "referral :: letter", "rectification"})
package org.xuncha.demo;
