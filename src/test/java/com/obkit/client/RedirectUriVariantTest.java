package com.obkit.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectUriVariantTest {
  private static final String WITH_QUERY = "https://tpp.example/cb/return?flow=ais";
  private static final String WITH_SLASH = "https://tpp.example/app/";

  @Test
  void everyVariantOfAUriWithAQueryIsExactlyTheNearMissTheContractNames() {
    Map<RedirectUriVariant, Optional<String>> expected = new LinkedHashMap<>();
    expected.put(
        RedirectUriVariant.TRAILING_SLASH_ADDED,
        Optional.of("https://tpp.example/cb/return/?flow=ais"));
    expected.put(RedirectUriVariant.TRAILING_SLASH_REMOVED, Optional.empty());
    expected.put(
        RedirectUriVariant.TRAILING_PATH_SEGMENT_REMOVED,
        Optional.of("https://tpp.example/cb?flow=ais"));
    expected.put(
        RedirectUriVariant.EXTRA_PATH_SEGMENT,
        Optional.of("https://tpp.example/cb/return/x7Kq2?flow=ais"));
    expected.put(RedirectUriVariant.QUERY_REMOVED, Optional.of("https://tpp.example/cb/return"));
    expected.put(
        RedirectUriVariant.QUERY_CHANGED,
        Optional.of("https://tpp.example/cb/return?flow=kitchanged"));
    expected.put(
        RedirectUriVariant.QUERY_ADDED,
        Optional.of("https://tpp.example/cb/return?flow=ais&next=evil"));
    expected.put(
        RedirectUriVariant.FRAGMENT_ADDED, Optional.of("https://tpp.example/cb/return?flow=ais#x"));
    expected.put(
        RedirectUriVariant.HTTP_INSTEAD_OF_HTTPS,
        Optional.of("http://tpp.example/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.HOST_IN_OTHER_CASE,
        Optional.of("https://TPP.EXAMPLE/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.EXPLICIT_DEFAULT_PORT,
        Optional.of("https://tpp.example:443/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.OTHER_PORT, Optional.of("https://tpp.example:8443/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.EXTRA_SUBDOMAIN,
        Optional.of("https://evil.tpp.example/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.USERINFO_TRICK,
        Optional.of("https://tpp.example@evil.example/cb/return?flow=ais"));
    expected.put(
        RedirectUriVariant.PERCENT_ENCODED_PATH_CHARACTER,
        Optional.of("https://tpp.example/%63b/return?flow=ais"));
    expected.put(
        RedirectUriVariant.LAST_CHARACTER_REMOVED,
        Optional.of("https://tpp.example/cb/return?flow=ai"));
    Map<RedirectUriVariant, Optional<String>> actual = new LinkedHashMap<>();
    for (RedirectUriVariant v : RedirectUriVariant.values()) {
      actual.put(v, v.apply(WITH_QUERY));
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void variantsThatNeedAShapeApplyOnlyWhereItIs() {
    assertThat(RedirectUriVariant.TRAILING_SLASH_REMOVED.apply(WITH_SLASH))
        .contains("https://tpp.example/app");
    assertThat(RedirectUriVariant.TRAILING_SLASH_ADDED.apply(WITH_SLASH)).isEmpty();
    assertThat(RedirectUriVariant.QUERY_CHANGED.apply(WITH_SLASH)).isEmpty();
    assertThat(RedirectUriVariant.QUERY_ADDED.apply(WITH_SLASH))
        .contains("https://tpp.example/app/?next=evil");
    assertThat(RedirectUriVariant.OTHER_PORT.apply("https://tpp.example:8443/cb"))
        .contains("https://tpp.example:9443/cb");
  }

  @Test
  void phrasesNameTheVariants() {
    for (RedirectUriVariant v : RedirectUriVariant.values()) {
      assertThat(RedirectUriVariant.byPhrase(v.phrase())).isEqualTo(v);
    }
  }
}
