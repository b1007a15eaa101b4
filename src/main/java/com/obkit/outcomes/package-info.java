/**
 * What a scenario can end as, typed: the rules and levels ({@link com.obkit.outcomes.Rule}, {@link
 * com.obkit.outcomes.Level}), the check runner that records every evaluated check ({@link
 * com.obkit.outcomes.Conformance}, {@link com.obkit.outcomes.CheckResult}), rule violations, SHOULD
 * warnings, not applicable, and environment faults. Anything else a scenario throws is a kit error.
 * The verdict is built from these types, never from messages. Depends only on checks ({@code
 * Check}) and the JDK.
 */
package com.obkit.outcomes;
