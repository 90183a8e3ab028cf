package dev.failoverlab.loadgen.cli;

/** {@code java -jar loadgen.jar URL ...}: runs {@link LoadgenCommand} and exits with its code. */
public final class LoadgenMain {
    private LoadgenMain() {
    }

    public static void main(String[] args) {
        System.exit(new LoadgenCommand(System.out, System.err, true).execute(args));
    }
}
