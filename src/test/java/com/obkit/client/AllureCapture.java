package com.obkit.client;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a call inside an Allure test case of the run's lifecycle, as a scenario does, and gives back
 * the text of every attachment the call wrote (the redacting filter's request and response pages),
 * then removes those files, also when the call fails: the unit tests leave no Allure results
 * behind.
 *
 * @param <T> what the call returns
 * @param value the call's result
 * @param attachments the attachments' texts, in order
 */
record AllureCapture<T>(T value, List<String> attachments) {

  static <T> AllureCapture<T> of(Supplier<T> call) {
    AllureLifecycle lifecycle = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("client unit test"));
    lifecycle.startTestCase(uuid);
    List<String> texts = new ArrayList<>();
    T value;
    try {
      value = call.get();
    } finally {
      lifecycle.stopTestCase(uuid);
      List<Attachment> attachments = new ArrayList<>();
      lifecycle.updateTestCase(uuid, r -> attachments.addAll(r.getAttachments()));
      lifecycle.writeTestCase(uuid); // frees the lifecycle's storage; the file is removed below
      Path dir =
          Path.of(
              PropertiesUtils.loadAllureProperties()
                  .getProperty("allure.results.directory", "allure-results"));
      try {
        for (Attachment a : attachments) {
          Path file = dir.resolve(a.getSource());
          texts.add(Files.readString(file, StandardCharsets.UTF_8));
          Files.delete(file);
        }
        Files.deleteIfExists(dir.resolve(uuid + "-result.json"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new AllureCapture<>(value, List.copyOf(texts));
  }

  /** The attachments that show {@code secret} raw; a leak-free call gives an empty list. */
  List<String> showing(String secret) {
    return attachments.stream().filter(t -> t.contains(secret)).toList();
  }
}
