/**
 * Runs across time: the record of one run ({@link com.obkit.history.RunRecord}, {@code
 * reports/run.json}), the store of past runs and of the bank's OpenAPI documents they were judged
 * against ({@link com.obkit.history.HistoryStore}), what changed between two runs ({@link
 * com.obkit.history.RunComparison}, {@code kit diff}), the known, ticketed and expiring failures
 * ({@link com.obkit.history.Waivers}) and the CI build that produced a report ({@link
 * com.obkit.history.ExecutorInfo}). Pure components: they read and write files, never the network.
 * Depends on nothing of the kit but {@link com.obkit.config.ConfigException}.
 */
package com.obkit.history;
