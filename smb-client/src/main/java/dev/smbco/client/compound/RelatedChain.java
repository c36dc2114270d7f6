package dev.smbco.client.compound;

import dev.smbco.client.engine.LateSuccess;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.CreateRequest;
import dev.smbco.protocol.smb2.FileId;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A related chain (MS-SMB2 3.2.4.1.4): a CREATE, requests on the handle it opens (their FileId is
 * {@link FileId#RELATED}, 0xFFFFFFFFFFFFFFFF:0xFFFFFFFFFFFFFFFF), usually a CLOSE of it, sent as one
 * request:
 * <pre>{@code
 * RelatedChain.open(create, undo)
 *         .then(ReadRequest.of(FileId.RELATED, 0, 4096), status -> status == STATUS_END_OF_FILE)
 *         .close(0)
 *         .send(target, parts -> ..., () -> theSameAsSeparateRequests());
 * }</pre>
 * Whether it goes as one compound or as the separate requests {@code separately} makes is decided
 * at {@link #send}; the caller cannot tell, except by the round trips saved.
 *
 * <p>Errors: the first part (in order) that failed decides the outcome, so a failed CREATE fails
 * the chain with the CREATE's status (the server answers the related parts with that status or
 * STATUS_INVALID_PARAMETER, 3.3.5.2.7.2), and a caller sees the same typed exception as from
 * separate requests.
 */
public final class RelatedChain {
    private final List<ChainPart> parts = new ArrayList<>();
    private final LateSuccess undoCreate;

    private RelatedChain(CreateRequest create, LateSuccess undoCreate) {
        parts.add(new ChainPart(create, null));
        this.undoCreate = undoCreate;
    }

    /**
     * Starts a chain with a CREATE.
     *
     * @param undoCreate closes the handle when the CREATE succeeded but nothing in the chain closed it
     *                   and nobody will (the chain ended early, its CLOSE failed, the server rejected
     *                   the compound); see {@link ChainCall}
     */
    public static RelatedChain open(CreateRequest create, LateSuccess undoCreate) {
        return new RelatedChain(create, undoCreate);
    }

    /** Adds a related request on the opened handle (its FileId must be {@link FileId#RELATED}). */
    public RelatedChain then(Smb2Request body) {
        return then(body, null);
    }

    /** As {@link #then(Smb2Request)}, accepting {@code okStatus} besides success. */
    public RelatedChain then(Smb2Request body, IntPredicate okStatus) {
        if (body.command() == Command.CREATE) {
            throw new IllegalArgumentException("a related chain has one CREATE, at its start");
        }
        parts.add(new ChainPart(body, okStatus));
        return this;
    }

    /** Ends the chain with a CLOSE of the handle ({@code flags}: e.g. {@link CloseRequest#POSTQUERY_ATTRIB}). */
    public RelatedChain close(int flags) {
        return then(new CloseRequest(flags, FileId.RELATED));
    }

    /** The parts so far, CREATE first. */
    public List<ChainPart> parts() {
        return List.copyOf(parts);
    }

    /**
     * Sends the chain: as one compound when the connection compounds and the credits it holds
     * could ever carry the whole chain at once, else (and after a server rejected the compound)
     * as {@code separately} does it. Takes over reference-counted bodies (a WRITE's data) either way.
     *
     * @param what names the chain in errors and logs, e.g. {@code CREATE+WRITE+CLOSE \\host\share\a.txt}
     */
    public <R> Request<R> send(ChainTarget target, String what, ChainParser<R> parser, Supplier<Request<R>> separately) {
        int charge = parts.stream().mapToInt(p -> p.body().creditCharge()).sum(); // MS-SMB2 3.1.5.2, at most
        if (!target.compounding().enabled() || target.sender().engine().credits().ceiling() < charge) {
            parts.forEach(p -> ReferenceCountUtil.release(p.body()));
            return separately.get();
        }
        return ChainCall.start(target, what, List.copyOf(parts), undoCreate, parser, separately);
    }
}
