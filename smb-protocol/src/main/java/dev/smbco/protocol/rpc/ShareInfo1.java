package dev.smbco.protocol.rpc;

/**
 * MS-SRVS 2.2.4.23 SHARE_INFO_1.
 *
 * @param netname shi1_netname: the share's name
 * @param type    shi1_type: MS-SRVS 2.2.2.4 share type, with the STYPE_SPECIAL/STYPE_TEMPORARY bits
 * @param remark  shi1_remark: the comment, empty when the server sent none
 */
public record ShareInfo1(String netname, int type, String remark) {
}
