package dev.smbco.cli.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a transfer target. A {@link PrintStream} swallows write errors, so
 * {@code smbco cat big.iso | head} would download the whole file into a closed pipe; this checks
 * after every write and ends the transfer with an {@link IOException} instead. Never closes it.
 */
public final class StdoutSink extends OutputStream {
    private final PrintStream out;

    public StdoutSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        check();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void check() throws IOException {
        if (out.checkError()) {
            throw new IOException("broken pipe");
        }
    }
}
