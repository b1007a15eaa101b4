package com.obkit.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Allure's {@code executor.json} for the CI build a run is part of, so that the report names and
 * links the build and its trend charts order builds by number. Fields (Allure 2): {@code name},
 * {@code type}, {@code url}, {@code buildOrder} (a number), {@code buildName}, {@code buildUrl},
 * {@code reportUrl} (only when given), {@code reportName}; a field whose variable is not set is
 * left out.
 *
 * <ul>
 *   <li>GitHub Actions ({@code GITHUB_ACTIONS=true}): type {@code github}; url {@code
 *       GITHUB_SERVER_URL/GITHUB_REPOSITORY}; buildOrder {@code GITHUB_RUN_NUMBER}; buildName
 *       {@code GITHUB_WORKFLOW #GITHUB_RUN_NUMBER}; buildUrl {@code
 *       GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID};
 *   <li>GitLab CI ({@code GITLAB_CI=true}): type {@code gitlab}; url {@code CI_PROJECT_URL};
 *       buildOrder {@code CI_PIPELINE_IID} (else {@code CI_PIPELINE_ID}); buildName {@code
 *       CI_JOB_NAME #CI_PIPELINE_IID}; buildUrl {@code CI_JOB_URL} (else {@code CI_PIPELINE_URL});
 *   <li>Jenkins ({@code JENKINS_URL} set): type {@code jenkins}; url {@code JENKINS_URL};
 *       buildOrder {@code BUILD_NUMBER}; buildName {@code JOB_NAME #BUILD_NUMBER}; buildUrl {@code
 *       BUILD_URL}.
 * </ul>
 *
 * <p>The first that matches wins, in that order.
 */
public final class ExecutorInfo {

  /** The report's name on top of Allure's overview. */
  public static final String REPORT_NAME = "XS2A onboarding conformance";

  private ExecutorInfo() {}

  /** The executor of this environment's CI build; empty outside GitHub, GitLab and Jenkins. */
  public static Optional<Map<String, Object>> fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, Optional.empty());
  }

  /**
   * The same, with the URL the report will be published at.
   *
   * @param reportUrl where the report will be (Allure's history links back to it)
   */
  public static Optional<Map<String, Object>> fromEnvironment(
      Map<String, String> env, Optional<String> reportUrl) {
    Map<String, Object> m = new LinkedHashMap<>();
    if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS"))) {
      String server = get(env, "GITHUB_SERVER_URL").orElse("https://github.com");
      Optional<String> repo = get(env, "GITHUB_REPOSITORY").map(r -> server + "/" + r);
      Optional<String> number = get(env, "GITHUB_RUN_NUMBER");
      m.put("name", "GitHub Actions");
      m.put("type", "github");
      m.put("url", repo.orElse(server));
      put(m, "buildOrder", number.flatMap(ExecutorInfo::number));
      put(m, "buildName", name(get(env, "GITHUB_WORKFLOW"), number));
      put(
          m,
          "buildUrl",
          repo.flatMap(r -> get(env, "GITHUB_RUN_ID").map(id -> r + "/actions/runs/" + id)));
    } else if ("true".equalsIgnoreCase(env.get("GITLAB_CI"))) {
      Optional<String> iid = get(env, "CI_PIPELINE_IID").or(() -> get(env, "CI_PIPELINE_ID"));
      m.put("name", "GitLab CI");
      m.put("type", "gitlab");
      put(m, "url", get(env, "CI_PROJECT_URL"));
      put(m, "buildOrder", iid.flatMap(ExecutorInfo::number));
      put(m, "buildName", name(get(env, "CI_JOB_NAME"), iid));
      put(m, "buildUrl", get(env, "CI_JOB_URL").or(() -> get(env, "CI_PIPELINE_URL")));
    } else if (get(env, "JENKINS_URL").isPresent()) {
      Optional<String> number = get(env, "BUILD_NUMBER");
      m.put("name", "Jenkins");
      m.put("type", "jenkins");
      put(m, "url", get(env, "JENKINS_URL"));
      put(m, "buildOrder", number.flatMap(ExecutorInfo::number));
      put(m, "buildName", name(get(env, "JOB_NAME"), number));
      put(m, "buildUrl", get(env, "BUILD_URL"));
    } else {
      return Optional.empty();
    }
    put(m, "reportUrl", reportUrl.filter(u -> !u.isBlank()));
    m.put("reportName", REPORT_NAME);
    return Optional.of(java.util.Collections.unmodifiableMap(m));
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static void put(Map<String, Object> m, String field, Optional<?> value) {
    value.ifPresent(v -> m.put(field, v));
  }

  private static Optional<Object> number(String text) {
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code job #12}, {@code job}, {@code #12}, or empty. */
  private static Optional<String> name(Optional<String> job, Optional<String> number) {
    if (job.isEmpty() && number.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of((job.orElse("") + number.map(n -> " #" + n).orElse("")).strip());
  }
}
