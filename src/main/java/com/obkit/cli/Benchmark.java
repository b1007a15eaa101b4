package com.obkit.cli;

import com.obkit.config.KitConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures the wall time of whole conformance runs against the embedded sandbox, in one JVM after a
 * warm-up run (as JMH would), with full reports: 100 ms added to every answer at parallelism 1 and
 * 8, and no added latency at 1 and 8. Run by {@code bench/benchmark.sh}; not a test.
 */
public final class Benchmark {
  private Benchmark() {}

  private record Case(String latency, int parallelism) {}

  private record Timed(ConformanceLauncher.RunResult result, double seconds) {}

  public static void main(String[] args) throws IOException {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path work = Files.createTempDirectory("kit-bench-");
    ConformanceLauncher launcher = new ConformanceLauncher(Path.of("features"));
    List<Case> cases =
        List.of(new Case("100ms", 1), new Case("100ms", 8), new Case("0ms", 1), new Case("0ms", 8));

    System.out.println("warm-up run ...");
    time(launcher, new Case("0ms", 8), work, -1);
    List<double[]> results = new ArrayList<>();
    int scenarios = 0;
    for (Case c : cases) {
      double[] seconds = new double[reps];
      for (int i = 0; i < reps; i++) {
        Timed t = time(launcher, c, work, i);
        ConformanceLauncher.RunResult r = t.result();
        seconds[i] = t.seconds();
        scenarios = r.resultsByScenario().size();
        if (!r.verdict().equals("CONFORMANT")) {
          throw new IllegalStateException("benchmark run was " + r.verdict() + ": " + c);
        }
      }
      results.add(seconds);
    }
    System.out.printf(
        "%n%d scenarios per run, %d cores, %d repetitions (median and best)%n",
        scenarios, Runtime.getRuntime().availableProcessors(), reps);
    System.out.printf("%-34s %10s %10s%n", "run", "median s", "best s");
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      System.out.printf(
          "%-34s %10.1f %10.1f%n",
          "latency " + c.latency() + ", parallelism " + c.parallelism(),
          median(results.get(i)),
          best(results.get(i)));
    }
    System.out.printf(
        "speedup at 100 ms latency (parallelism 8 vs 1): %.1fx%n",
        median(results.get(0)) / median(results.get(1)));
    System.out.printf(
        "speedup without latency   (parallelism 8 vs 1): %.1fx%n",
        median(results.get(2)) / median(results.get(3)));
  }

  private static Timed time(ConformanceLauncher launcher, Case c, Path work, int rep) {
    Path reports = work.resolve(c.latency() + "-p" + c.parallelism() + "-" + rep);
    KitConfig config =
        KitConfig.load(
            Map.of(
                "kit.sandbox.latency",
                c.latency(),
                "kit.parallelism",
                String.valueOf(c.parallelism()),
                "kit.reports",
                reports.toString()),
            Map.of());
    long start = System.nanoTime();
    ConformanceLauncher.RunResult r = launcher.run(config, reports, true);
    double seconds = (System.nanoTime() - start) / 1e9;
    try {
      Files.writeString(
          work.resolve("times.txt"),
          c + " " + seconds + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Timed(r, seconds);
  }

  private static double median(double[] xs) {
    List<Double> l = new ArrayList<>();
    for (double x : xs) {
      l.add(x);
    }
    Collections.sort(l);
    return l.size() % 2 == 1
        ? l.get(l.size() / 2)
        : (l.get(l.size() / 2 - 1) + l.get(l.size() / 2)) / 2;
  }

  private static double best(double[] xs) {
    double b = Double.MAX_VALUE;
    for (double x : xs) {
      b = Math.min(b, x);
    }
    return b;
  }
}
