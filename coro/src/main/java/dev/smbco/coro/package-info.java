/**
 * Asynchronous requests and coroutines, after Samba's {@code tevent_req} and the
 * {@code tevent_coroutine} proposal. JDK only: nothing here knows SMB or Netty.
 *
 * <ul>
 *   <li>{@link dev.smbco.coro.Request} – a send/recv request: in progress, then exactly once
 *       done, failed, timed out or cancelled; callbacks always via its {@link dev.smbco.coro.Loop},
 *       never inline; {@code recv()} never blocks, {@code await()} refuses to block a loop thread.</li>
 *   <li>{@link dev.smbco.coro.Completer} – the producer's side: complete, fail, cancel handler,
 *       cleanup, timeout exception; a double completion is reported as a bug.</li>
 *   <li>{@link dev.smbco.coro.Coroutine} / {@link dev.smbco.coro.Co} – a sequential body on its own
 *       virtual thread that yields only in {@code co.await(subRequest)}; started via the loop,
 *       never inline; cancelling it unwinds the body.</li>
 *   <li>{@link dev.smbco.coro.Requests} – {@code completed}, {@code failed}, {@code sleep},
 *       {@code all}, {@code first}.</li>
 *   <li>{@link dev.smbco.coro.Loop}, {@link dev.smbco.coro.SingleThreadLoop},
 *       {@link dev.smbco.coro.LoopThreads} – the tiny loop abstraction (Netty adapts to it) and
 *       the marking of loop threads.</li>
 * </ul>
 */
package dev.smbco.coro;
