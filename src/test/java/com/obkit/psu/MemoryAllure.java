package com.obkit.psu;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** An Allure lifecycle of its own (not the global one) that keeps results in memory. */
final class MemoryAllure implements AllureResultsWriter {

  final AllureLifecycle lifecycle = new AllureLifecycle(this);
  private final List<TestResult> results = new ArrayList<>();
  private final Map<String, String> attachments = new ConcurrentHashMap<>();
  private String uuid;

  /** Starts a test case, as Cucumber's Allure plugin does for a scenario. */
  void startTest() {
    uuid = UUID.randomUUID().toString();
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("test"));
    lifecycle.startTestCase(uuid);
  }

  /** Stops and writes the test case; returns its steps. */
  List<StepResult> stopTest() {
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
    return results.get(results.size() - 1).getSteps();
  }

  /** The text of an attachment. */
  String text(Attachment attachment) {
    return attachments.get(attachment.getSource());
  }

  @Override
  public synchronized void write(TestResult testResult) {
    results.add(testResult);
  }

  @Override
  public void write(TestResultContainer testResultContainer) {}

  @Override
  public void write(String source, InputStream attachment) {
    try {
      attachments.put(source, new String(attachment.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
