/**
 * Coroutines on virtual threads over an event loop: {@code Request}, {@code Coroutine}. JDK only;
 * knows nothing of SMB or Netty.
 */
module dev.smbco.coro {
    exports dev.smbco.coro;
}
