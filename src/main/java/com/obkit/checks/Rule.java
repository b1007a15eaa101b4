package com.obkit.checks;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A contract rule as the caller of a check names it: its stable id (from {@code bank-contract.md})
 * and the level the caller holds the bank to.
 *
 * @param id rule id such as {@code SIG-2}
 * @param level MUST or SHOULD
 */
public record Rule(String id, Level level) {
  private static final Pattern ID = Pattern.compile("^[A-Z]{2,5}-\\d{1,2}$");

  public Rule {
    Objects.requireNonNull(level, "level");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' is not of the form ABC-1");
    }
  }

  public static Rule must(String id) {
    return new Rule(id, Level.MUST);
  }

  public static Rule should(String id) {
    return new Rule(id, Level.SHOULD);
  }

  @Override
  public String toString() {
    return id + " (" + level + ")";
  }
}
