package com.obkit.outcomes;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contract rule as the caller of a check names it: its stable id (from {@code bank-contract.md})
 * and the level the caller holds the bank to.
 *
 * @param id rule id such as {@code SIG-2}
 * @param level MUST or SHOULD
 */
public record Rule(String id, Level level) {
  /** The one grammar of rule ids: a family of 2 to 5 capitals, a dash, a number ({@code SIG-2}). */
  private static final Pattern ID = Pattern.compile("^[A-Z]{2,5}-\\d{1,2}$");

  public Rule {
    Objects.requireNonNull(level, "level");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule id '" + id + "' is not of the form ABC-1");
    }
  }

  /** Whether {@code text} is a rule id ({@code SIG-2}). */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** The rule id a scenario tag names ({@code @SIG-2} → {@code SIG-2}), if it names one. */
  public static Optional<String> idOfTag(String tag) {
    return tag.startsWith("@") && isId(tag.substring(1))
        ? Optional.of(tag.substring(1))
        : Optional.empty();
  }

  /** The distinct rule ids among scenario tags, in order. */
  public static List<String> idsOfTags(Collection<String> tags) {
    return tags.stream().map(Rule::idOfTag).flatMap(Optional::stream).distinct().toList();
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
