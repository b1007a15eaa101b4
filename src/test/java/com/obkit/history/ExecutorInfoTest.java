package com.obkit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutorInfoTest {

  private static Map<String, Object> expected(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static final Map<String, String> GITHUB =
      Map.of(
          "GITHUB_ACTIONS", "true",
          "GITHUB_SERVER_URL", "https://github.com",
          "GITHUB_REPOSITORY", "tpp/conformance",
          "GITHUB_RUN_ID", "9876543210",
          "GITHUB_RUN_NUMBER", "42",
          "GITHUB_WORKFLOW", "nightly");

  @Test
  void gitHubActions() {
    Map<String, Object> info = ExecutorInfo.fromEnvironment(GITHUB).orElseThrow();
    assertThat(info)
        .isEqualTo(
            expected(
                "name", "GitHub Actions",
                "type", "github",
                "url", "https://github.com/tpp/conformance",
                "buildOrder", 42L,
                "buildName", "nightly #42",
                "buildUrl", "https://github.com/tpp/conformance/actions/runs/9876543210",
                "reportName", "XS2A onboarding conformance"));
    assertThat(List.copyOf(info.keySet()))
        .isEqualTo(
            List.of("name", "type", "url", "buildOrder", "buildName", "buildUrl", "reportName"));
  }

  @Test
  void gitHubActionsWithAReportUrl() {
    assertThat(
            ExecutorInfo.fromEnvironment(GITHUB, Optional.of("https://tpp.github.io/conformance/"))
                .orElseThrow())
        .isEqualTo(
            expected(
                "name", "GitHub Actions",
                "type", "github",
                "url", "https://github.com/tpp/conformance",
                "buildOrder", 42L,
                "buildName", "nightly #42",
                "buildUrl", "https://github.com/tpp/conformance/actions/runs/9876543210",
                "reportUrl", "https://tpp.github.io/conformance/",
                "reportName", "XS2A onboarding conformance"));
  }

  @Test
  void gitLabCi() {
    Map<String, String> env =
        Map.of(
            "GITLAB_CI", "true",
            "CI_PROJECT_URL", "https://gitlab.example/tpp/conformance",
            "CI_PIPELINE_ID", "700123",
            "CI_PIPELINE_IID", "57",
            "CI_JOB_URL", "https://gitlab.example/tpp/conformance/-/jobs/880001",
            "CI_JOB_NAME", "conformance",
            "CI_PIPELINE_URL", "https://gitlab.example/tpp/conformance/-/pipelines/700123");
    assertThat(ExecutorInfo.fromEnvironment(env))
        .contains(
            expected(
                "name", "GitLab CI",
                "type", "gitlab",
                "url", "https://gitlab.example/tpp/conformance",
                "buildOrder", 57L,
                "buildName", "conformance #57",
                "buildUrl", "https://gitlab.example/tpp/conformance/-/jobs/880001",
                "reportName", "XS2A onboarding conformance"));
  }

  @Test
  void gitLabCiWithoutJobUrlOrIidFallsBackToThePipeline() {
    Map<String, String> env =
        Map.of(
            "GITLAB_CI", "true",
            "CI_PROJECT_URL", "https://gitlab.example/tpp/conformance",
            "CI_PIPELINE_ID", "700123",
            "CI_PIPELINE_URL", "https://gitlab.example/tpp/conformance/-/pipelines/700123");
    assertThat(ExecutorInfo.fromEnvironment(env))
        .contains(
            expected(
                "name", "GitLab CI",
                "type", "gitlab",
                "url", "https://gitlab.example/tpp/conformance",
                "buildOrder", 700123L,
                "buildName", "#700123",
                "buildUrl", "https://gitlab.example/tpp/conformance/-/pipelines/700123",
                "reportName", "XS2A onboarding conformance"));
  }

  @Test
  void jenkins() {
    Map<String, String> env =
        Map.of(
            "JENKINS_URL", "https://jenkins.example/",
            "BUILD_NUMBER", "311",
            "BUILD_URL", "https://jenkins.example/job/conformance/311/",
            "JOB_NAME", "conformance");
    assertThat(ExecutorInfo.fromEnvironment(env))
        .contains(
            expected(
                "name", "Jenkins",
                "type", "jenkins",
                "url", "https://jenkins.example/",
                "buildOrder", 311L,
                "buildName", "conformance #311",
                "buildUrl", "https://jenkins.example/job/conformance/311/",
                "reportName", "XS2A onboarding conformance"));
  }

  @Test
  void aMissingOrNonNumericVariableLeavesItsFieldOut() {
    Map<String, String> env =
        Map.of("JENKINS_URL", "https://jenkins.example/", "BUILD_NUMBER", "x");
    assertThat(ExecutorInfo.fromEnvironment(env))
        .contains(
            expected(
                "name", "Jenkins",
                "type", "jenkins",
                "url", "https://jenkins.example/",
                "buildName", "#x",
                "reportName", "XS2A onboarding conformance"));
  }

  @Test
  void gitHubWinsOverJenkins() {
    Map<String, String> env = new LinkedHashMap<>(GITHUB);
    env.put("JENKINS_URL", "https://jenkins.example/");
    assertThat(ExecutorInfo.fromEnvironment(env).orElseThrow().get("type")).isEqualTo("github");
  }

  @Test
  void noCiNoExecutor() {
    assertThat(ExecutorInfo.fromEnvironment(Map.of("HOME", "/home/qa", "GITHUB_ACTIONS", "false")))
        .isEqualTo(Optional.empty());
    assertThat(ExecutorInfo.fromEnvironment(Map.of("JENKINS_URL", " ")))
        .isEqualTo(Optional.empty());
  }
}
