/**
 * The run's verdict and reports: the Cucumber plugin that prints a line per scenario and the
 * summary, {@code verdict.json} / {@code verdict.html} with the rule table, the rule catalogue,
 * Allure categories, environment and per-check evidence steps, and the verdict gate of the Maven
 * build. Depends on outcomes, checks (evidence) and runtime (the restore at the end of a run).
 */
package com.obkit.report;
