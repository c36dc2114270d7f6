package dev.smbco.testserver;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** Holds {@link FaultProxy}'s pumps before each write while the proxy is stalled. */
final class StallGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean stalled;

    void stall() {
        lock.lock();
        try {
            stalled = true;
        } finally {
            lock.unlock();
        }
    }

    /** Opens the gate; also wakes pumps whose connection has been closed meanwhile. */
    void resume() {
        lock.lock();
        try {
            stalled = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes waiting pumps so they re-check whether their connection is gone. */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isStalled() {
        lock.lock();
        try {
            return stalled;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the gate is open, or once {@code gone} says the connection is closed. */
    void awaitOpen(BooleanSupplier gone) throws InterruptedIOException {
        lock.lock();
        try {
            while (stalled && !gone.getAsBoolean()) {
                changed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stalled");
        } finally {
            lock.unlock();
        }
    }
}
