package com.obkit.report;

import com.obkit.outcomes.CheckResult;
import com.obkit.outcomes.Level;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;

/**
 * Shows every evaluated check as a step of its own under the Cucumber step that ran it, so the
 * Allure step tree is the evidence of what was checked: passed, failed (a MUST rule) or skipped (a
 * SHOULD warning). Does nothing in a run without Allure (the kit's self-tests).
 */
public final class AllureEvidence {
  private AllureEvidence() {}

  /** Records {@code result} as a step of the current Allure step, if there is one. */
  public static void record(CheckResult result) {
    if (Allure.getLifecycle().getCurrentTestCaseOrStep().isEmpty()) {
      return;
    }
    Status status;
    if (result.passed()) {
      status = Status.PASSED;
    } else if (result.rules().stream().anyMatch(r -> r.level() == Level.MUST)) {
      status = Status.FAILED;
    } else {
      status = Status.SKIPPED;
    }
    Allure.step("check " + result.describe(), status);
  }
}
