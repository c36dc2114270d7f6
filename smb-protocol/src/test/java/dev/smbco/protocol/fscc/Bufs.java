package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import java.util.function.Function;

/** Buffer helpers for codec tests: every buffer they allocate is released before they return. */
public final class Bufs {
    private Bufs() {
    }

    /** What {@code encoder} writes, as bytes. */
    public static byte[] encode(Consumer<ByteBuf> encoder) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encoder.accept(buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    /** Runs {@code decoder} over a buffer holding exactly {@code bytes}. */
    public static <T> T decode(byte[] bytes, Function<ByteBuf, T> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return decoder.apply(buf);
        } finally {
            buf.release();
        }
    }

    /** Decodes and reports how many bytes the decoder consumed as well. */
    public static <T> int consumed(byte[] bytes, Function<ByteBuf, T> decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            decoder.apply(buf);
            return buf.readerIndex();
        } finally {
            buf.release();
        }
    }

    public static String hex(byte[] b) {
        return ByteBufUtil.hexDump(b);
    }
}
