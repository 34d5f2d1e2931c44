/**
 * OCOP rankings, the {@code certification} table read and written in this one package: {@link
 * vn.ocop.catalog.rankings.Ranking} and its level, a product's ranking history ({@code Certifications}), the ledger that
 * records and revokes rankings ({@code RankingLedger}, checked as {@code RankingDecision}) and the province a council may
 * rank ({@code CouncilScope}); councils act through {@link vn.ocop.catalog.councils.Rankings}.
 */
package vn.ocop.catalog.rankings;
