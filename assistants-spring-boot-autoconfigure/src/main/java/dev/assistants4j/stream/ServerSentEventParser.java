package dev.assistants4j.stream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * The state of one event stream as the WHATWG "interpret an event stream" algorithm keeps it, fed with bytes
 * as they arrive and asked for one event at a time. Lines are parsed from bytes and an event's data is left
 * as bytes: only a name or id the stream has not sent before becomes a string. Since every byte that ends a
 * line or separates a field is ASCII, decoding each value on its own gives the same text as decoding the
 * whole stream first, whatever the chunking.
 *
 * <p>The data of an event of one {@code data} line, the usual kind, is not copied: it is handed out where it
 * lies in the bytes not parsed yet. Not thread-safe: one instance per subscription, used serially.
 */
final class ServerSentEventParser {

	private static final byte LF = '\n';

	private static final byte CR = '\r';

	private static final byte COLON = ':';

	private static final byte SPACE = ' ';

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final byte[] DATA = field("data");

	private static final byte[] EVENT = field("event");

	private static final byte[] ID = field("id");

	private static final int NAME_CACHE_SIZE = 32;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGH_BITS = 0x8080808080808080L;

	private static final long LFS = ONES * LF;

	private static final long CRS = ONES * CR;

	private final int maxEventSize;

	/** The bytes fed so far from {@link #position} on: the lines not parsed yet. */
	private byte[] pending = new byte[1024];

	private int pendingLength;

	/** Where the next line starts in {@link #pending}. */
	private int position;

	/** Up to where {@link #pending} is known to hold no line end. */
	private int scanned;

	/** The data lines of the current event, each followed by an LF, once it has more than one. */
	private byte[] data = new byte[1024];

	private int dataLength;

	/** Where the one data line of the current event lies in {@link #pending}, or -1 if it is not there. */
	private int sliceStart = -1;

	private int sliceEnd;

	private @Nullable String eventType;

	private @Nullable String lastEventId;

	/** The last line ended in a CR at the end of the bytes fed: an LF next ends no other line. */
	private boolean skipLineFeed;

	private boolean bomChecked;

	private boolean endOfStream;

	/** The end of the stream has been parsed, its last event dispatched. */
	private boolean finished;

	/** Event names seen so far: a stream repeats a handful of names, each event would otherwise copy its own. */
	private final String[] names = new String[NAME_CACHE_SIZE];

	private int nextName;

	private @Nullable DataBufferLimitException failure;

	// The event the last call to next() dispatched.

	private String event = SseEvent.DEFAULT_EVENT;

	private byte[] eventData = this.data;

	private int eventOffset;

	private int eventLength;

	private @Nullable String eventId;

	ServerSentEventParser(int maxEventSize) {
		this.maxEventSize = maxEventSize;
	}

	/**
	 * Appends a chunk of the stream, without releasing it. Invalidates the data of the event {@link #next()}
	 * dispatched last.
	 */
	void feed(DataBuffer chunk) {
		if (this.failure != null || this.endOfStream) {
			return;
		}
		compact();
		int length = chunk.readableByteCount();
		if (this.pendingLength + length > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(this.pendingLength + length, this.pending.length * 2));
		}
		chunk.read(this.pending, this.pendingLength, length);
		this.pendingLength += length;
	}

	/**
	 * Ends the stream: {@link #next()} then parses the last line even without its line end, and, unlike a
	 * browser, which drops an event whose blank line never came, dispatches the event still open, since
	 * servers end streams right after their last line.
	 */
	void finish() {
		this.endOfStream = true;
	}

	/**
	 * Parses lines up to the next event. When a line or an event's data grows beyond the maximum event size,
	 * parsing stops for good and {@link #failure()} tells why.
	 * @return whether an event was dispatched, which the accessors then describe until the next call to this
	 * method or to {@link #feed}; {@code false} when the bytes fed so far hold no other whole event
	 */
	boolean next() {
		if (this.failure != null || this.finished) {
			return false;
		}
		try {
			return readLines();
		}
		catch (DataBufferLimitException ex) {
			this.failure = ex;
			return false;
		}
	}

	/**
	 * Returns why parsing stopped, if it did.
	 */
	@Nullable DataBufferLimitException failure() {
		return this.failure;
	}

	/**
	 * Returns the name of the dispatched event, {@code message} when the stream sent none.
	 */
	String event() {
		return this.event;
	}

	/**
	 * Returns the array that holds the data of the dispatched event, as UTF-8 bytes, lines joined with LF.
	 */
	byte[] data() {
		return this.eventData;
	}

	int dataOffset() {
		return this.eventOffset;
	}

	int dataLength() {
		return this.eventLength;
	}

	/**
	 * Returns the last event id the stream had set when the event was dispatched.
	 */
	@Nullable String id() {
		return this.eventId;
	}

	private void compact() {
		if (this.sliceStart >= 0) {
			// The line is about to move: copy it where the next data lines would go.
			int length = this.sliceEnd - this.sliceStart;
			ensureData(length + 1);
			System.arraycopy(this.pending, this.sliceStart, this.data, 0, length);
			this.data[length] = LF;
			this.dataLength = length + 1;
			this.sliceStart = -1;
		}
		int start = this.position;
		if (start > 0) {
			int rest = this.pendingLength - start;
			System.arraycopy(this.pending, start, this.pending, 0, rest);
			this.pendingLength = rest;
			this.scanned = Math.max(0, this.scanned - start);
			this.position = 0;
		}
	}

	private boolean readLines() {
		byte[] bytes = this.pending;
		int limit = this.pendingLength;
		if (!this.bomChecked) {
			int available = limit - this.position;
			if (!this.endOfStream && available < BOM.length
					&& Arrays.equals(bytes, this.position, limit, BOM, 0, available)) {
				return false;
			}
			this.bomChecked = true;
			if (available >= BOM.length
					&& Arrays.equals(bytes, this.position, this.position + BOM.length, BOM, 0, BOM.length)) {
				this.position += BOM.length;
			}
		}
		if (this.skipLineFeed && this.position < limit) {
			this.skipLineFeed = false;
			if (bytes[this.position] == LF) {
				this.position++;
			}
		}
		for (int i = lineEnd(bytes, Math.max(this.position, this.scanned), limit); i < limit;
				i = lineEnd(bytes, this.position, limit)) {
			int lineStart = this.position;
			this.position = i + 1;
			if (bytes[i] == CR) {
				if (i + 1 == limit) {
					this.skipLineFeed = true;
				}
				else if (bytes[i + 1] == LF) {
					this.position = i + 2;
				}
			}
			this.scanned = this.position;
			if (line(bytes, lineStart, i)) {
				return true;
			}
		}
		this.scanned = limit;
		if (this.endOfStream) {
			this.finished = true;
			int lineStart = this.position;
			this.position = limit;
			if (lineStart < limit && line(bytes, lineStart, limit)) {
				return true;
			}
			return dispatch();
		}
		checkSize(limit - this.position);
		return false;
	}

	/**
	 * Reads one line.
	 * @return whether it dispatched an event
	 */
	private boolean line(byte[] bytes, int start, int end) {
		if (start == end) {
			return dispatch();
		}
		checkSize(end - start);
		if (bytes[start] == COLON) {
			return false;
		}
		int nameEnd = start;
		while (nameEnd < end && bytes[nameEnd] != COLON) {
			nameEnd++;
		}
		int valueStart = nameEnd;
		if (valueStart < end) {
			valueStart++;
			if (valueStart < end && bytes[valueStart] == SPACE) {
				valueStart++;
			}
		}
		if (is(DATA, bytes, start, nameEnd)) {
			appendData(bytes, valueStart, end);
		}
		else if (is(EVENT, bytes, start, nameEnd)) {
			this.eventType = (valueStart < end) ? name(bytes, valueStart, end) : null;
		}
		else if (is(ID, bytes, start, nameEnd) && !containsNul(bytes, valueStart, end)) {
			this.lastEventId = (valueStart < end)
					? new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8) : null;
		}
		// "retry" sets a browser's reconnection delay: a client that does not reconnect has no use for it.
		return false;
	}

	private void appendData(byte[] bytes, int start, int end) {
		int length = end - start;
		if (this.sliceStart < 0 && this.dataLength == 0) {
			// The first data line stays where it is, as long as no chunk is fed before the event ends.
			this.sliceStart = start;
			this.sliceEnd = end;
			return;
		}
		if (this.sliceStart >= 0) {
			int sliceLength = this.sliceEnd - this.sliceStart;
			ensureData(sliceLength + 1);
			System.arraycopy(bytes, this.sliceStart, this.data, 0, sliceLength);
			this.data[sliceLength] = LF;
			this.dataLength = sliceLength + 1;
			this.sliceStart = -1;
		}
		checkSize(this.dataLength + length);
		ensureData(this.dataLength + length + 1);
		System.arraycopy(bytes, start, this.data, this.dataLength, length);
		this.dataLength += length;
		this.data[this.dataLength++] = LF;
	}

	private void ensureData(int size) {
		if (size > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(size, this.data.length * 2));
		}
	}

	private boolean dispatch() {
		String type = this.eventType;
		this.eventType = null;
		if (this.sliceStart >= 0) {
			this.eventData = this.pending;
			this.eventOffset = this.sliceStart;
			this.eventLength = this.sliceEnd - this.sliceStart;
			this.sliceStart = -1;
		}
		else if (this.dataLength > 0) {
			// Every data line appended an LF: the last one is not part of the data.
			this.eventData = this.data;
			this.eventOffset = 0;
			this.eventLength = this.dataLength - 1;
			this.dataLength = 0;
		}
		else {
			return false;
		}
		this.event = (type != null) ? type : SseEvent.DEFAULT_EVENT;
		this.eventId = this.lastEventId;
		return true;
	}

	private void checkSize(int size) {
		if (size > this.maxEventSize) {
			throw new DataBufferLimitException("A server-sent event line or data exceeded the limit of "
					+ this.maxEventSize + " bytes");
		}
	}

	private String name(byte[] bytes, int start, int end) {
		for (String cached : this.names) {
			if (cached != null && isAscii(cached, bytes, start, end)) {
				return cached;
			}
		}
		String name = new String(bytes, start, end - start, StandardCharsets.UTF_8);
		if (name.length() == end - start) {
			this.names[this.nextName] = name;
			this.nextName = (this.nextName + 1) % NAME_CACHE_SIZE;
		}
		return name;
	}

	/**
	 * Tells whether the bytes are the ASCII encoding of the string: a byte above 0x7F is negative and never
	 * equals a char.
	 */
	private static boolean isAscii(String string, byte[] bytes, int start, int end) {
		if (string.length() != end - start) {
			return false;
		}
		for (int i = start; i < end; i++) {
			if (bytes[i] != string.charAt(i - start)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Returns the index of the first CR or LF from the start on, or the limit if there is none, looking at
	 * eight bytes at a time: a byte of {@code x ^ LFs} is zero where {@code x} has an LF, and the lowest byte
	 * whose zero the subtraction turns negative is the first such byte.
	 */
	private static int lineEnd(byte[] bytes, int start, int limit) {
		int i = start;
		for (; limit - i >= Long.BYTES; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i);
			long lf = word ^ LFS;
			long cr = word ^ CRS;
			long found = (((lf - ONES) & ~lf) | ((cr - ONES) & ~cr)) & HIGH_BITS;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < limit; i++) {
			byte b = bytes[i];
			if (b == LF || b == CR) {
				return i;
			}
		}
		return limit;
	}

	private static boolean is(byte[] field, byte[] bytes, int start, int end) {
		return Arrays.equals(field, 0, field.length, bytes, start, end);
	}

	private static boolean containsNul(byte[] bytes, int start, int end) {
		for (int i = start; i < end; i++) {
			if (bytes[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static byte[] field(String name) {
		return name.getBytes(StandardCharsets.US_ASCII);
	}

}
