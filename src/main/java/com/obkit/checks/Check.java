package com.obkit.checks;

import com.obkit.outcomes.Conformance;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One small named assertion, in the style of the OpenID Foundation conformance suite ({@code
 * CheckTokenTypeIsBearer}, {@code EnsureRedirectUriRejected}). It only evaluates; the caller
 * decides under which rule and level it counts, through {@link Conformance}.
 *
 * @param name the check's name, shown in reports
 * @param evaluation returns a description of what is wrong, or empty when the subject passes
 * @param <T> what the check looks at
 */
public record Check<T>(String name, Function<T, Optional<String>> evaluation) {
  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(evaluation, "evaluation");
  }

  /** What is wrong with {@code subject}, or empty. */
  public Optional<String> evaluate(T subject) {
    return evaluation.apply(subject);
  }

  /** A check from a condition and the message when it does not hold. */
  public static <T> Check<T> that(
      String name, Predicate<T> condition, Function<T, String> problem) {
    return new Check<>(
        name, t -> condition.test(t) ? Optional.empty() : Optional.of(problem.apply(t)));
  }
}
