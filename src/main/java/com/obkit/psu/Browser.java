package com.obkit.psu;

import com.obkit.client.HttpExchange;
import java.net.URI;
import java.util.Map;

/**
 * The PSU's browser, as the scripted PSU uses it: plain requests to the bank's browser host, never
 * signed, and never following a redirect by itself (the driver decides which redirects a browser
 * would follow, and stops at the one back to the TPP without requesting it). The kit adapts its
 * HTTP client to this, so that every exchange is attached, masked, to the report.
 */
public interface Browser {

  /**
   * Requests a page.
   *
   * @param uri the absolute URI, sent as given
   * @return the answer; a 3xx is returned, not followed
   * @throws com.obkit.outcomes.EnvironmentFault when the host cannot be reached or does not answer
   */
  HttpExchange get(URI uri);

  /**
   * Posts a form as {@code application/x-www-form-urlencoded}.
   *
   * @param uri the absolute URI of the form's action
   * @param fields the fields in the order they are sent
   * @return the answer; a 3xx is returned, not followed
   * @throws com.obkit.outcomes.EnvironmentFault when the host cannot be reached or does not answer
   */
  HttpExchange postForm(URI uri, Map<String, String> fields);
}
