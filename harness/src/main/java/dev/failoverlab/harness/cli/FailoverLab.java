package dev.failoverlab.harness.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code failover-lab run|report|validate}. */
@Command(name = "failover-lab",
        mixinStandardHelpOptions = true,
        version = "failover-lab 0.1.0",
        description = {
            "Runs blue/green failover scenarios with several control policies side by side and writes comparison "
                    + "reports (decision latency, correctness, cost, SLO impact).",
            "",
            "Quick start: failover-lab run            (the public suite in scenarios/, every policy, 5 seeds, simulator)"},
        subcommands = {RunCommand.class, ReportCommand.class, ValidateCommand.class, InsightsCommand.class, DemoCommand.class,
            CalibrateCommand.class,
            CommandLine.HelpCommand.class})
public final class FailoverLab implements Runnable {

    /** Exit code for bad input (usage, scenario, missing file). */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FailoverLab());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof UserError ? EXIT_BAD_INPUT : 1);
        cl.setParameterExceptionHandler((e, a) -> {
            err.println("failover-lab: " + e.getMessage() + " (see --help)");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UserError) {
                err.println("failover-lab: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            err.println("failover-lab: internal error: " + e);
            e.printStackTrace(err);
            return 1;
        });
        return cl.execute(args);
    }
}
