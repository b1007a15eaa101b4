package com.obkit.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What came of the PSU's part of SCA (contract section 11), whoever did it (the scripted form
 * driver or a person at a browser): the exchanges the kit saw on the way (redirects, the login
 * page, the posted form; none when a person did it) and, if the bank sent the browser back to the
 * TPP, where it landed.
 *
 * @param exchanges the browser's requests the kit made, in order (empty for a person at a browser)
 * @param callback the redirect back to the TPP, if the bank made one
 */
public record ScaOutcome(List<HttpExchange> exchanges, Optional<Callback> callback) {
  public ScaOutcome {
    exchanges = List.copyOf(exchanges);
    Objects.requireNonNull(callback, "callback");
  }

  /** The last page the browser showed before it left the bank, if the kit saw one. */
  public Optional<HttpExchange> lastPage() {
    return exchanges.isEmpty()
        ? Optional.empty()
        : Optional.of(exchanges.get(exchanges.size() - 1));
  }
}
