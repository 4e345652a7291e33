package dev.assistants4j.emulator;

import java.util.concurrent.ThreadLocalRandom;

/**
 * New ids in the service's formats: a prefix naming the kind of object ({@code asst_}, {@code file-}, ...)
 * and 24 random letters and digits.
 */
final class Ids {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Ids() {
	}

	static String next(String prefix) {
		return prefix + random(ALPHABET, 24);
	}

	static String requestId() {
		return "req_" + random(HEX, 32);
	}

	private static String random(char[] alphabet, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return new String(chars);
	}

}
