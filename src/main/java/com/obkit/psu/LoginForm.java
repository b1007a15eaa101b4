package com.obkit.psu;

import com.obkit.client.HttpExchange;
import com.obkit.config.PsuSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * The login form of a bank's page, as a browser sees it (parsed with jsoup, so malformed HTML is
 * read as a browser reads it): the form that holds the digipass field, where it posts, and the
 * hidden fields it carries (the reference page's {@code session}).
 *
 * @param page the URL of the page the form is on
 * @param action where the form posts: its {@code action} attribute resolved against the page (and
 *     its {@code <base>}), or the page's URL without its query when it has none
 * @param hidden the form's hidden fields in page order, except those named like the fields the PSU
 *     fills in
 */
record LoginForm(URI page, URI action, Map<String, String> hidden) {

  LoginForm {
    hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
  }

  /**
   * The login form of a page, if the page is the login page: its URL matches the configured login
   * URL pattern and it has a form with the digipass field; or, whatever its URL, it has a form with
   * both the IBAN and the digipass field.
   *
   * @param answer a 2xx answer
   * @param settings how the login page is recognised and filled
   * @return the form, or empty when the page is not a login page or its form cannot be used
   */
  static Optional<LoginForm> of(HttpExchange answer, PsuSettings.FormPage settings) {
    boolean loginUrl = atLoginUrl(answer.uri(), settings);
    Document doc = Jsoup.parse(answer.body(), answer.uri().toString());
    for (FormElement form : doc.forms()) {
      List<String> names = new ArrayList<>();
      for (Element control : form.elements()) {
        names.add(control.attr("name"));
      }
      boolean hasDigipass = names.contains(settings.digipassField());
      boolean hasIban = names.contains(settings.ibanField());
      if (hasDigipass && (loginUrl || hasIban)) {
        return action(form, answer.uri())
            .map(a -> new LoginForm(answer.uri(), a, hiddenFields(form, settings)));
      }
    }
    return Optional.empty();
  }

  /** Whether the page's URL matches the configured login URL pattern. */
  static boolean atLoginUrl(URI page, PsuSettings.FormPage settings) {
    return settings.loginUrl().map(p -> p.matcher(page.toString()).find()).orElse(false);
  }

  /** The names of the hidden fields, for evidence (their values may be secret). */
  List<String> hiddenNames() {
    return List.copyOf(hidden.keySet());
  }

  private static Optional<URI> action(FormElement form, URI page) {
    if (form.attr("action").isBlank()) {
      return Optional.of(URI.create(Links.withoutQuery(page)));
    }
    String absolute = form.absUrl("action"); // "" when it cannot be resolved
    try {
      return absolute.isEmpty() ? Optional.empty() : Optional.of(new URI(absolute));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> hiddenFields(FormElement form, PsuSettings.FormPage settings) {
    Set<String> filled =
        Set.of(settings.ibanField(), settings.digipassField(), settings.actionField());
    Map<String, String> out = new LinkedHashMap<>();
    for (Element control : form.elements()) {
      String name = control.attr("name");
      boolean hiddenInput =
          control.normalName().equals("input")
              && control.attr("type").toLowerCase(Locale.ROOT).equals("hidden");
      if (hiddenInput && !name.isEmpty() && !filled.contains(name)) {
        out.putIfAbsent(name, control.attr("value"));
      }
    }
    return out;
  }
}
