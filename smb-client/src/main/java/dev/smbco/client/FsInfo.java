package dev.smbco.client;

import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.FileTime;
import dev.smbco.protocol.fscc.FileFsFullSizeInformation;
import dev.smbco.protocol.fscc.FileFsVolumeInformation;
import dev.smbco.protocol.fscc.FsInformationClass;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.QueryInfoRequest;
import dev.smbco.protocol.smb2.QueryInfoResponse;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.function.Function;

/**
 * A share's file-system size and volume information (MS-SMB2 3.2.4.12 QUERY_INFO with
 * SMB2_0_INFO_FILESYSTEM; MS-FSCC 2.5.4 FileFsFullSizeInformation, 2.5.9 FileFsVolumeInformation).
 *
 * @param totalBytes          capacity of the volume
 * @param callerAvailableBytes bytes free for this user (quotas applied)
 * @param actualAvailableBytes bytes free on the volume
 * @param bytesPerUnit        bytes per allocation unit (cluster)
 * @param volumeLabel         the volume's label (may be empty)
 * @param serialNumber        the volume's serial number
 * @param created             the volume's creation time (null if the server does not say)
 */
public record FsInfo(long totalBytes, long callerAvailableBytes, long actualAvailableBytes, long bytesPerUnit,
                     String volumeLabel, int serialNumber, Instant created) {

    static Request<FsInfo> querySend(SmbFile f) {
        return Coroutine.start(f.loop(), co -> {
            FileFsFullSizeInformation size = co.await(query(f, FsInformationClass.FILE_FS_FULL_SIZE_INFORMATION, 64,
                    FileFsFullSizeInformation::decode));
            FileFsVolumeInformation volume = co.await(query(f, FsInformationClass.FILE_FS_VOLUME_INFORMATION, 1024,
                    FileFsVolumeInformation::decode));
            return new FsInfo(size.totalBytes(), size.callerAvailableBytes(), size.actualAvailableBytes(), size.bytesPerAllocationUnit(),
                    volume.volumeLabel(), volume.volumeSerialNumber(),
                    volume.volumeCreationTime() == 0 ? null : FileTime.toInstant(volume.volumeCreationTime()));
        });
    }

    private static <T> Request<T> query(SmbFile f, FsInformationClass c, int max, Function<ByteBuf, T> decode) {
        return HandleInfoSend.send(f, () -> QueryInfoRequest.of(InfoType.FILESYSTEM, c.id(), max, 0, f.fileId()), (header, body) -> {
            QueryInfoResponse r = QueryInfoResponse.decode(body);
            try {
                return decode.apply(r.outputBuffer());
            } finally {
                r.release();
            }
        });
    }
}
