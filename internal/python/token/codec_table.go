package token

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codecModule maps a normalized encoding name to the name of the Python
// codec (the module in the encodings package) that serves it, following
// Python's alias table; other names map to themselves.
func codecModule(norm string) string {
	switch norm {
	case "646", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us", "us_ascii":
		return "ascii"
	case "base64", "base_64":
		return "base64_codec"
	case "big5_tw", "csbig5", "x_mac_trad_chinese":
		return "big5"
	case "big5_hkscs", "hkscs":
		return "big5hkscs"
	case "bz2":
		return "bz2_codec"
	case "037", "csibm037", "ebcdic_cp_ca", "ebcdic_cp_nl", "ebcdic_cp_us", "ebcdic_cp_wt", "ibm037", "ibm039":
		return "cp037"
	case "1026", "csibm1026", "ibm1026":
		return "cp1026"
	case "1125", "cp866u", "ibm1125", "ruscii":
		return "cp1125"
	case "1140", "ibm1140":
		return "cp1140"
	case "1250", "windows_1250":
		return "cp1250"
	case "1251", "windows_1251":
		return "cp1251"
	case "1252", "windows_1252":
		return "cp1252"
	case "1253", "windows_1253":
		return "cp1253"
	case "1254", "windows_1254":
		return "cp1254"
	case "1255", "windows_1255":
		return "cp1255"
	case "1256", "windows_1256":
		return "cp1256"
	case "1257", "windows_1257":
		return "cp1257"
	case "1258", "windows_1258":
		return "cp1258"
	case "273", "csibm273", "ibm273":
		return "cp273"
	case "424", "csibm424", "ebcdic_cp_he", "ibm424":
		return "cp424"
	case "437", "cspc8codepage437", "ibm437":
		return "cp437"
	case "500", "csibm500", "ebcdic_cp_be", "ebcdic_cp_ch", "ibm500":
		return "cp500"
	case "775", "cspc775baltic", "ibm775":
		return "cp775"
	case "850", "cspc850multilingual", "ibm850":
		return "cp850"
	case "852", "cspcp852", "ibm852":
		return "cp852"
	case "855", "csibm855", "ibm855":
		return "cp855"
	case "857", "csibm857", "ibm857":
		return "cp857"
	case "858", "csibm858", "ibm858":
		return "cp858"
	case "860", "csibm860", "ibm860":
		return "cp860"
	case "861", "cp_is", "csibm861", "ibm861":
		return "cp861"
	case "862", "cspc862latinhebrew", "ibm862":
		return "cp862"
	case "863", "csibm863", "ibm863":
		return "cp863"
	case "864", "csibm864", "ibm864":
		return "cp864"
	case "865", "csibm865", "ibm865":
		return "cp865"
	case "866", "csibm866", "ibm866":
		return "cp866"
	case "869", "cp_gr", "csibm869", "ibm869":
		return "cp869"
	case "932", "ms932", "ms_kanji", "mskanji":
		return "cp932"
	case "949", "ms949", "uhc":
		return "cp949"
	case "950", "ms950":
		return "cp950"
	case "euc_jis2004", "eucjis2004", "jisx0213":
		return "euc_jis_2004"
	case "eucjisx0213":
		return "euc_jisx0213"
	case "eucjp", "u_jis", "ujis":
		return "euc_jp"
	case "euckr", "korean", "ks_c_5601", "ks_c_5601_1987", "ks_x_1001", "ksc5601", "ksx1001", "x_mac_korean":
		return "euc_kr"
	case "gb18030_2000":
		return "gb18030"
	case "chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58", "x_mac_simp_chinese":
		return "gb2312"
	case "936", "cp936", "ms936":
		return "gbk"
	case "hex":
		return "hex_codec"
	case "cp1051", "cshproman8", "ibm1051", "r8", "roman8":
		return "hp_roman8"
	case "hz_gb", "hz_gb_2312", "hzgb":
		return "hz"
	case "csiso2022jp", "iso2022jp", "iso_2022_jp":
		return "iso2022_jp"
	case "iso2022jp_1", "iso_2022_jp_1":
		return "iso2022_jp_1"
	case "iso2022jp_2", "iso_2022_jp_2":
		return "iso2022_jp_2"
	case "iso2022jp_2004", "iso_2022_jp_2004":
		return "iso2022_jp_2004"
	case "iso2022jp_3", "iso_2022_jp_3":
		return "iso2022_jp_3"
	case "iso2022jp_ext", "iso_2022_jp_ext":
		return "iso2022_jp_ext"
	case "csiso2022kr", "iso2022kr", "iso_2022_kr":
		return "iso2022_kr"
	case "csisolatin6", "iso_8859_10", "iso_8859_10_1992", "iso_ir_157", "l6", "latin6":
		return "iso8859_10"
	case "iso_8859_11", "iso_8859_11_2001", "thai":
		return "iso8859_11"
	case "iso_8859_13", "l7", "latin7":
		return "iso8859_13"
	case "iso_8859_14", "iso_8859_14_1998", "iso_celtic", "iso_ir_199", "l8", "latin8":
		return "iso8859_14"
	case "iso_8859_15", "l9", "latin9":
		return "iso8859_15"
	case "iso_8859_16", "iso_8859_16_2001", "iso_ir_226", "l10", "latin10":
		return "iso8859_16"
	case "csisolatin2", "iso_8859_2", "iso_8859_2_1987", "iso_ir_101", "l2", "latin2":
		return "iso8859_2"
	case "csisolatin3", "iso_8859_3", "iso_8859_3_1988", "iso_ir_109", "l3", "latin3":
		return "iso8859_3"
	case "csisolatin4", "iso_8859_4", "iso_8859_4_1988", "iso_ir_110", "l4", "latin4":
		return "iso8859_4"
	case "csisolatincyrillic", "cyrillic", "iso_8859_5", "iso_8859_5_1988", "iso_ir_144":
		return "iso8859_5"
	case "arabic", "asmo_708", "csisolatinarabic", "ecma_114", "iso_8859_6", "iso_8859_6_1987", "iso_ir_127":
		return "iso8859_6"
	case "csisolatingreek", "ecma_118", "elot_928", "greek", "greek8", "iso_8859_7", "iso_8859_7_1987", "iso_ir_126":
		return "iso8859_7"
	case "csisolatinhebrew", "hebrew", "iso_8859_8", "iso_8859_8_1988", "iso_ir_138":
		return "iso8859_8"
	case "csisolatin5", "iso_8859_9", "iso_8859_9_1989", "iso_ir_148", "l5", "latin5":
		return "iso8859_9"
	case "cp1361", "ms1361":
		return "johab"
	case "cskoi8r":
		return "koi8_r"
	case "kz_1048", "rk1048", "strk1048_2002":
		return "kz1048"
	case "8859", "cp819", "csisolatin1", "ibm819", "iso8859", "iso8859_1", "iso_8859_1", "iso_8859_1_1987", "iso_ir_100", "l1", "latin", "latin1":
		return "latin_1"
	case "maccyrillic":
		return "mac_cyrillic"
	case "macgreek":
		return "mac_greek"
	case "maciceland":
		return "mac_iceland"
	case "mac_centeuro", "maccentraleurope", "maclatin2":
		return "mac_latin2"
	case "macintosh", "macroman":
		return "mac_roman"
	case "macturkish":
		return "mac_turkish"
	case "cp154", "csptcp154", "cyrillic_asian", "pt154":
		return "ptcp154"
	case "quopri", "quoted_printable", "quotedprintable":
		return "quopri_codec"
	case "rot13":
		return "rot_13"
	case "csshiftjis", "s_jis", "shiftjis", "sjis", "x_mac_japanese":
		return "shift_jis"
	case "s_jis_2004", "shiftjis2004", "sjis_2004":
		return "shift_jis_2004"
	case "s_jisx0213", "shiftjisx0213", "sjisx0213":
		return "shift_jisx0213"
	case "iso_ir_166", "tis620", "tis_620_0", "tis_620_2529_0", "tis_620_2529_1":
		return "tis_620"
	case "u16", "utf16":
		return "utf_16"
	case "unicodebigunmarked", "utf_16be":
		return "utf_16_be"
	case "unicodelittleunmarked", "utf_16le":
		return "utf_16_le"
	case "u32", "utf32":
		return "utf_32"
	case "utf_32be":
		return "utf_32_be"
	case "utf_32le":
		return "utf_32_le"
	case "u7", "unicode_1_1_utf_7", "utf7":
		return "utf_7"
	case "cp65001", "u8", "utf", "utf8", "utf8_ucs2", "utf8_ucs4":
		return "utf_8"
	case "uu":
		return "uu_codec"
	case "zip", "zlib":
		return "zlib_codec"
	}
	if alt := dotsToUnderscores(norm); alt != norm {
		return codecModule(alt)
	}
	return norm
}

// knownCodec reports whether Python (on a non-Windows system) has a codec
// module of this name.
func knownCodec(module string) bool {
	switch module {
	case "ascii", "base64_codec", "big5", "big5hkscs", "bz2_codec", "charmap", "cp037", "cp1006", "cp1026", "cp1125", "cp1140", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp273", "cp424", "cp437", "cp500", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860", "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp874", "cp875", "cp932", "cp949", "cp950", "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr", "gb18030", "gb2312", "gbk", "hex_codec", "hp_roman8", "hz", "idna", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "iso8859_1", "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "johab", "koi8_r", "koi8_t", "koi8_u", "kz1048", "latin_1", "mac_arabic", "mac_croatian", "mac_cyrillic", "mac_farsi", "mac_greek", "mac_iceland", "mac_latin2", "mac_roman", "mac_romanian", "mac_turkish", "palmos", "ptcp154", "punycode", "quopri_codec", "raw_unicode_escape", "rot_13", "shift_jis", "shift_jis_2004", "shift_jisx0213", "tis_620", "undefined", "unicode_escape", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7", "utf_8", "utf_8_sig", "uu_codec", "zlib_codec":
		return true
	}
	return false
}

// dotsToUnderscores is the second spelling Python's alias lookup tries.
func dotsToUnderscores(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '.' {
			b[i] = '_'
		}
	}
	return string(b)
}

// asciiCompatible reports whether a codec decodes every ASCII byte to
// itself, so that pure-ASCII source needs no decoding at all.
func asciiCompatible(module string) bool {
	switch module {
	case "cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140", // EBCDIC
		"idna", "punycode", "unicode_escape", "raw_unicode_escape", "utf_7",
		"utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le",
		"iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext", "iso2022_kr", "hz":
		return false
	}
	return knownCodec(module)
}

// singleByteCodec returns x/text's table for a Python one-byte codec and a
// patch for the entries where the two disagree.
func singleByteCodec(module string) (*charmap.Charmap, func(byte) (rune, bool)) {
	// x/text leaves 0x80-0x9F undefined in ISO 8859 tables; Python maps
	// them to the C1 controls.
	c1 := func(b byte) (rune, bool) { return rune(b), b >= 0x80 && b <= 0x9F }
	switch module {
	case "cp037":
		return charmap.CodePage037, nil
	case "cp437":
		return charmap.CodePage437, nil
	case "cp850":
		return charmap.CodePage850, nil
	case "cp852":
		return charmap.CodePage852, nil
	case "cp855":
		return charmap.CodePage855, nil
	case "cp858":
		return charmap.CodePage858, nil
	case "cp860":
		return charmap.CodePage860, nil
	case "cp862":
		return charmap.CodePage862, nil
	case "cp863":
		return charmap.CodePage863, nil
	case "cp865":
		return charmap.CodePage865, nil
	case "cp866":
		return charmap.CodePage866, nil
	case "cp1140":
		return charmap.CodePage1140, nil
	case "iso8859_2":
		return charmap.ISO8859_2, c1
	case "iso8859_3":
		return charmap.ISO8859_3, c1
	case "iso8859_4":
		return charmap.ISO8859_4, c1
	case "iso8859_5":
		return charmap.ISO8859_5, c1
	case "iso8859_6":
		return charmap.ISO8859_6, c1
	case "iso8859_7":
		return charmap.ISO8859_7, c1
	case "iso8859_8":
		return charmap.ISO8859_8, c1
	case "iso8859_9":
		return charmap.ISO8859_9, c1
	case "iso8859_10":
		return charmap.ISO8859_10, c1
	case "iso8859_13":
		return charmap.ISO8859_13, c1
	case "iso8859_14":
		return charmap.ISO8859_14, c1
	case "iso8859_15":
		return charmap.ISO8859_15, c1
	case "iso8859_16":
		return charmap.ISO8859_16, c1
	case "koi8_r":
		return charmap.KOI8R, nil
	case "koi8_u":
		return charmap.KOI8U, func(b byte) (rune, bool) {
			switch b {
			case 0xAE:
				return 0x255D, true
			case 0xBE:
				return 0x256C, true
			}
			return 0, false
		}
	case "mac_roman":
		return charmap.Macintosh, nil
	case "mac_cyrillic":
		return charmap.MacintoshCyrillic, nil
	case "cp874":
		return charmap.Windows874, nil
	case "cp1250":
		return charmap.Windows1250, nil
	case "cp1251":
		return charmap.Windows1251, nil
	case "cp1252":
		return charmap.Windows1252, nil
	case "cp1253":
		return charmap.Windows1253, nil
	case "cp1254":
		return charmap.Windows1254, nil
	case "cp1255":
		return charmap.Windows1255, func(b byte) (rune, bool) { return 0xFFFD, b == 0xCA }
	case "cp1256":
		return charmap.Windows1256, nil
	case "cp1257":
		return charmap.Windows1257, nil
	case "cp1258":
		return charmap.Windows1258, nil
	}
	return nil, nil
}

// multiByteCodec returns the x/text decoder for a Python CJK codec.
func multiByteCodec(module string) encoding.Encoding {
	switch module {
	case "euc_jp":
		return japanese.EUCJP
	case "shift_jis", "cp932":
		return japanese.ShiftJIS
	case "iso2022_jp":
		return japanese.ISO2022JP
	case "euc_kr", "cp949":
		return korean.EUCKR
	case "gb2312", "gbk":
		return simplifiedchinese.GBK
	case "gb18030":
		return simplifiedchinese.GB18030
	case "hz":
		return simplifiedchinese.HZGB2312
	case "big5", "cp950", "big5hkscs":
		return traditionalchinese.Big5
	}
	return nil
}
