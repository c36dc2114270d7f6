package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.NoLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
class FrameBuffersTest {
    private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

    @Test
    void aReleasedBufferIsLentAgainEmpty() {
        FrameBuffers pool = new FrameBuffers(ALLOC, 2);
        ByteBuf a = pool.lend(100_000);
        a.writeZero(100_000);
        long address = a.memoryAddress();
        a.release();
        ByteBuf b = pool.lend(90_000);
        assertThat(b.memoryAddress()).isEqualTo(address);
        assertThat(b.readerIndex()).isZero();
        assertThat(b.writerIndex()).isZero();
        assertThat(b.refCnt()).isEqualTo(2); // the pool's and the borrower's
        b.release();
        pool.close();
        assertThat(b.refCnt()).isZero();
    }

    @Test
    void aBufferStillReferencedBySlicesIsNotLent() {
        FrameBuffers pool = new FrameBuffers(ALLOC, 2);
        ByteBuf a = pool.lend(100_000);
        ByteBuf slice = a.retainedSlice(0, 10);
        a.release();
        ByteBuf b = pool.lend(100_000);
        assertThat(b.memoryAddress()).isNotEqualTo(a.memoryAddress());
        slice.release(); // from another thread in real life: any order works
        b.release();
        pool.close();
    }

    @Test
    void beyondItsSizeThePoolLendsOneOffBuffersAndKeepsNoMore() {
        FrameBuffers pool = new FrameBuffers(ALLOC, 2);
        List<ByteBuf> lent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lent.add(pool.lend(70_000));
        }
        assertThat(pool.pooledCount()).isEqualTo(2);
        lent.forEach(ByteBuf::release);
        assertThat(lent.subList(2, 5)).allSatisfy(b -> assertThat(b.refCnt()).isZero()); // one-off: freed at once
        pool.close();
        assertThat(lent).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    }

    @Test
    void aMuchSmallerFrameDoesNotTakeABigBufferAndANewSizeReplacesAFreeOne() {
        FrameBuffers pool = new FrameBuffers(ALLOC, 1);
        ByteBuf big = pool.lend(1 << 20);
        big.release();
        ByteBuf small = pool.lend(70_000);
        assertThat(small.capacity()).isLessThan(1 << 20);
        assertThat(big.refCnt()).as("the free big buffer made room for the new size").isZero();
        small.release();
        ByteBuf again = pool.lend(70_000);
        assertThat(again.memoryAddress()).isEqualTo(small.memoryAddress());
        again.release();
        pool.close();
    }

    @Test
    void closingWhileLentFreesTheBufferAtItsLastRelease() {
        FrameBuffers pool = new FrameBuffers(ALLOC, 2);
        ByteBuf a = pool.lend(100_000);
        pool.close();
        assertThat(a.refCnt()).isEqualTo(1);
        a.release();
        assertThat(a.refCnt()).isZero();
        ByteBuf afterClose = pool.lend(100_000); // a late frame still gets a buffer, not pooled
        assertThat(pool.pooledCount()).isZero();
        afterClose.release();
        assertThat(afterClose.refCnt()).isZero();
    }
}
