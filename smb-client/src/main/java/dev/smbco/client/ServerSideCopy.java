package dev.smbco.client;

import dev.smbco.client.resilience.internal.Resend;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.CopyChunkRequest;
import dev.smbco.protocol.smb2.CopyChunkResponse;
import dev.smbco.protocol.smb2.IoctlRequest;
import dev.smbco.protocol.smb2.IoctlResponse;
import dev.smbco.protocol.smb2.ResumeKeyResponse;
import dev.smbco.protocol.status.NtStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Server-side copy (MS-SMB2 3.2.4.20.1/3.2.4.20.2): FSCTL_SRV_REQUEST_RESUME_KEY on the source
 * handle, then FSCTL_SRV_COPYCHUNK_WRITE on the target handle, each request carrying as many
 * chunks as the server's limits allow. The defaults are the limits of MS-SMB2 3.3.3 (256 chunks
 * of 1 MiB, 16 MiB per request); when a server answers STATUS_INVALID_PARAMETER its response
 * carries its own limits (3.3.5.15.6), and the copy continues with those. A short write
 * continues from where the server stopped; a round in which the server copied nothing at all
 * fails with {@link SmbNoProgressException} instead of being asked again for ever. With
 * reconnection on, a copy whose connection dropped goes on once it is back: from the first part
 * not confirmed, with a resume key asked of the reopened source (a key taken before may no
 * longer find its open: Samba builds it from the FileId, which the reopen changed); copying a
 * range again writes the same bytes.
 */
final class ServerSideCopy {
    static final int DEFAULT_MAX_CHUNKS = 256;
    static final int DEFAULT_MAX_CHUNK_SIZE = 1024 * 1024;
    static final int DEFAULT_MAX_TOTAL = 16 * 1024 * 1024;
    /** Copies in flight: small, since each already moves up to 16 MiB on the server. */
    private static final int DEPTH = 4;

    private ServerSideCopy() {
    }

    /** The server's limits for one COPYCHUNK request. */
    record Limits(int maxChunks, int maxChunkSize, int maxTotal) {
        static final Limits DEFAULT = new Limits(DEFAULT_MAX_CHUNKS, DEFAULT_MAX_CHUNK_SIZE, DEFAULT_MAX_TOTAL);

        /** The chunks of one request starting at {@code done} of {@code length}. */
        List<CopyChunkRequest.Chunk> plan(long sourceOffset, long targetOffset, long done, long length) {
            List<CopyChunkRequest.Chunk> chunks = new ArrayList<>();
            long total = 0;
            while (done + total < length && chunks.size() < maxChunks && total < maxTotal) {
                int n = (int) Math.min(Math.min(maxChunkSize, maxTotal - total), length - done - total);
                chunks.add(new CopyChunkRequest.Chunk(sourceOffset + done + total, targetOffset + done + total, n));
                total += n;
            }
            return chunks;
        }
    }

    /** One request's outcome: bytes written, or the server's limits if it refused ours. */
    private record Outcome(long written, Limits limits) {
    }

    static Request<Long> copySend(SmbFile source, SmbFile target, long sourceOffset, long targetOffset, long length) {
        if (sourceOffset < 0 || targetOffset < 0 || length < 0) {
            throw new IllegalArgumentException("server-side copy: negative offset or length");
        }
        if (source.tree().session() != target.tree().session()) {
            throw new IllegalArgumentException("server-side copy needs both files on one session (MS-SMB2 3.3.5.15.6)");
        }
        int tries = Resend.tries(source.tree().config().reconnect());
        return CompositeDeadline.bound(Coroutine.start(source.loop(), co -> {
            byte[] key = co.await(resumeKeySend(source));
            Limits limits = Limits.DEFAULT;
            long done = 0;
            int refusals = 0;
            int drops = 0;
            while (done < length) {
                long before = done;
                boolean refused = false;
                boolean resumed = false;
                // keep a few requests in flight, each over its own disjoint part of the range
                List<Request<Outcome>> batch = new ArrayList<>();
                List<Long> starts = new ArrayList<>();
                long planned = done;
                for (int i = 0; i < DEPTH && planned < length; i++) {
                    List<CopyChunkRequest.Chunk> chunks = limits.plan(sourceOffset, targetOffset, planned, length);
                    long bytes = chunks.stream().mapToLong(CopyChunkRequest.Chunk::length).sum();
                    starts.add(planned);
                    batch.add(chunkSend(target, new CopyChunkRequest(key, chunks)));
                    planned += bytes;
                }
                for (int i = 0; i < batch.size(); i++) {
                    Outcome o;
                    try {
                        o = co.await(batch.get(i));
                    } catch (SmbConnectionLostException | SmbNotFoundException e) {
                        // a lost handle ends the copy. Otherwise the connection dropped, or a part went
                        // out after the drop with a key taken before it, which MS-SMB2 3.3.5.15.6 answers
                        // "not found" (a real "not found" fails again, within the tries): everything
                        // before this part is on the server, and copying a range again writes the same
                        // bytes, so go on from here with a key asked of the reopened source
                        if (e instanceof SmbHandleLostException || ++drops >= tries) {
                            throw e;
                        }
                        settle(co, batch, i + 1);
                        done = starts.get(i);
                        key = co.await(resumeKeySend(source));
                        resumed = true;
                        break;
                    }
                    if (o.limits() != null) {
                        if (++refusals > 2) {
                            throw new SmbProtocolException("COPYCHUNK " + target.unc() + ": the server keeps refusing chunks within the limits it announced "
                                    + o.limits());
                        }
                        limits = o.limits();
                        refused = true;
                        done = starts.get(i);
                        // await the rest so nothing is left pending, then redo from the refused part on
                        settle(co, batch, i + 1);
                        break;
                    }
                    long expected = (i + 1 < starts.size() ? starts.get(i + 1) : planned) - starts.get(i);
                    done = starts.get(i) + o.written();
                    if (o.written() < expected) {
                        settle(co, batch, i + 1); // later parts are rewritten from `done` on: harmless, same bytes
                        break;
                    }
                }
                if (done >= length) {
                    break;
                }
                if (!refused && !resumed && done == before) {
                    // the server reports 0 bytes copied: asking again would loop for ever
                    throw new SmbNoProgressException("COPYCHUNK " + target.unc() + ": server copied no data at offset "
                            + (targetOffset + done) + " (0 of " + (length - done) + " bytes)", targetOffset + done);
                }
            }
            return length;
        }), source.tree().config(), "server-side copy " + source.unc() + " to " + target.unc());
    }

    /** Awaits the parts from {@code from} on, whatever they end with, so that nothing is left pending. */
    private static void settle(dev.smbco.coro.Co co, List<Request<Outcome>> batch, int from) {
        for (int j = from; j < batch.size(); j++) {
            try {
                co.await(batch.get(j));
            } catch (RuntimeException ignored) {
                // its range is copied again from the part that failed or fell short
            }
        }
    }

    /** FSCTL_SRV_REQUEST_RESUME_KEY on {@code source}'s handle (MS-SMB2 3.2.4.20.1). */
    private static Request<byte[]> resumeKeySend(SmbFile source) {
        return source.tree().send(IoctlRequest.requestResumeKey(source.fileId()), source.path(), (header, body) -> {
            IoctlResponse r = IoctlResponse.decode(body);
            try {
                return ResumeKeyResponse.decode(r.output()).resumeKey();
            } finally {
                r.release();
            }
        });
    }

    private static Request<Outcome> chunkSend(SmbFile target, CopyChunkRequest req) {
        IoctlRequest ioctl = req.toIoctl(target.fileId(), true);
        return target.tree().send(ioctl, target.path(), status -> status == NtStatus.STATUS_INVALID_PARAMETER, (header, body) -> {
            IoctlResponse r;
            try {
                r = IoctlResponse.decode(body);
            } catch (SmbDecodeException e) {
                if (header.status() != 0) {
                    throw dev.smbco.client.internal.StatusErrors.of(header.status(), header.command(), target.unc());
                }
                throw e;
            }
            try {
                CopyChunkResponse c = CopyChunkResponse.decode(r.output());
                if (header.status() == NtStatus.STATUS_INVALID_PARAMETER) {
                    // MS-SMB2 3.3.5.15.6: the server's limits instead of counts
                    if (c.chunksWritten() <= 0 || c.chunkBytesWritten() <= 0 || c.totalBytesWritten() <= 0) {
                        throw dev.smbco.client.internal.StatusErrors.of(header.status(), header.command(), target.unc());
                    }
                    return new Outcome(0, new Limits(c.chunksWritten(), c.chunkBytesWritten(), c.totalBytesWritten()));
                }
                return new Outcome(Integer.toUnsignedLong(c.totalBytesWritten()), null);
            } finally {
                r.release();
            }
        });
    }
}
