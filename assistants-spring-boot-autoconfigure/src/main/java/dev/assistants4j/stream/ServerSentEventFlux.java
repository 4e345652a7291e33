package dev.assistants4j.stream;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Decodes a body of chunks into events with one operator: the parser is fed a chunk, events are parsed from
 * it one at a time as the subscriber asks for them and handed to the {@link ServerSentEventReader}, whose
 * values are emitted as they come; the next chunk is requested once the parser holds no whole event and the
 * subscriber wants more. No list, queue or string stands between the bytes and the reader.
 *
 * <p>Each chunk is copied into the parser and released at once; one that arrives after the end or a
 * cancellation is released unread. Signals are serialized with a work-in-progress counter: the parser and the
 * reader only ever run inside the drain loop, on one thread at a time.
 *
 * @param <T> what the reader reads events into
 */
final class ServerSentEventFlux<T> extends FluxOperator<DataBuffer, T> {

	/** How long the rest of a body is awaited after the reader ended the stream. */
	static final long LINGER_MILLIS = 100;

	private final int maxEventSize;

	private final Supplier<? extends ServerSentEventReader<T>> readers;

	private ServerSentEventFlux(Flux<? extends DataBuffer> body, int maxEventSize,
			Supplier<? extends ServerSentEventReader<T>> readers) {
		super(body);
		this.maxEventSize = maxEventSize;
		this.readers = readers;
	}

	static <T> Flux<T> decode(Flux<? extends DataBuffer> body, int maxEventSize,
			Supplier<? extends ServerSentEventReader<T>> readers) {
		return onAssembly(new ServerSentEventFlux<>(body, maxEventSize, readers));
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		ServerSentEventReader<T> reader;
		try {
			reader = this.readers.get();
			if (reader == null) {
				throw new NullPointerException("The reader supplier returned null");
			}
		}
		catch (Throwable ex) {
			Operators.error(actual, Operators.onOperatorError(ex, actual.currentContext()));
			return;
		}
		this.source.subscribe(new DecodingSubscriber<>(actual, new ServerSentEventParser(this.maxEventSize), reader));
	}

	@Override
	public @Nullable Object scanUnsafe(Attr key) {
		if (key == Attr.RUN_STYLE) {
			return Attr.RunStyle.SYNC;
		}
		if (key == Attr.PREFETCH) {
			return 1;
		}
		return super.scanUnsafe(key);
	}

	static final class DecodingSubscriber<T> implements CoreSubscriber<DataBuffer>, Subscription, Scannable {

		private static final AtomicLongFieldUpdater<DecodingSubscriber> REQUESTED = AtomicLongFieldUpdater
			.newUpdater(DecodingSubscriber.class, "requested");

		private static final AtomicIntegerFieldUpdater<DecodingSubscriber> WIP = AtomicIntegerFieldUpdater
			.newUpdater(DecodingSubscriber.class, "wip");

		private static final AtomicReferenceFieldUpdater<DecodingSubscriber, @Nullable DataBuffer> CHUNK =
				AtomicReferenceFieldUpdater.newUpdater(DecodingSubscriber.class, DataBuffer.class, "chunk");

		private final CoreSubscriber<? super T> actual;

		private final ServerSentEventParser parser;

		private final ServerSentEventReader<T> reader;

		private @Nullable Subscription upstream;

		private volatile long requested;

		private volatile int wip;

		/** The chunk received and not fed to the parser yet; one at most, since one is requested at a time. */
		private volatile @Nullable DataBuffer chunk;

		/** Written before {@link #upstreamDone}, read after it. */
		private @Nullable Throwable upstreamError;

		private volatile boolean upstreamDone;

		private volatile boolean cancelled;

		// The state below is only touched inside the drain loop.

		/** The parser has dispatched an event that was not read yet, waiting for demand. */
		private boolean ready;

		private boolean awaitingChunk;

		/** The parser was told the body ended. */
		private boolean ended;

		private boolean terminated;

		private boolean upstreamCancelled;

		/** The reader ended the stream and the rest of the body is awaited; see {@link #end()}. */
		private boolean lingering;

		private @Nullable Disposable lingerTimer;

		private volatile boolean lingerTimedOut;

		DecodingSubscriber(CoreSubscriber<? super T> actual, ServerSentEventParser parser,
				ServerSentEventReader<T> reader) {
			this.actual = actual;
			this.parser = parser;
			this.reader = reader;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(DataBuffer buffer) {
			if (this.upstreamDone) {
				DataBufferUtils.release(buffer);
				return;
			}
			DataBuffer unread = CHUNK.getAndSet(this, buffer);
			if (unread != null) {
				// A chunk nobody asked for: the publisher broke the protocol.
				DataBufferUtils.release(unread);
				onError(Exceptions.failWithOverflow("A chunk arrived before the previous one was parsed"));
				return;
			}
			drain();
		}

		@Override
		public void onError(Throwable ex) {
			if (this.upstreamDone) {
				Operators.onErrorDropped(ex, currentContext());
				return;
			}
			this.upstreamError = ex;
			this.upstreamDone = true;
			drain();
		}

		@Override
		public void onComplete() {
			if (this.upstreamDone) {
				return;
			}
			this.upstreamDone = true;
			drain();
		}

		@Override
		public void request(long n) {
			if (Operators.validate(n)) {
				Operators.addCap(REQUESTED, this, n);
				drain();
			}
		}

		@Override
		public void cancel() {
			if (!this.cancelled) {
				this.cancelled = true;
				drain();
			}
		}

		private void drain() {
			if (WIP.getAndIncrement(this) != 0) {
				return;
			}
			int missed = 1;
			for (;;) {
				if (this.lingering) {
					linger();
				}
				else if (this.cancelled || this.terminated) {
					if (this.cancelled && !this.terminated) {
						cancelUpstream();
					}
					releaseChunk();
				}
				else {
					decode();
				}
				missed = WIP.addAndGet(this, -missed);
				if (missed == 0) {
					return;
				}
			}
		}

		/**
		 * Emits what the demand allows, then requests a chunk or ends the stream.
		 */
		private void decode() {
			// Read before the chunk is taken: a body that ended then has no chunk left behind.
			boolean done = this.upstreamDone;
			DataBuffer buffer = CHUNK.getAndSet(this, null);
			if (buffer != null) {
				this.awaitingChunk = false;
				try {
					this.parser.feed(buffer);
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}
			for (;;) {
				if (!emit()) {
					return;
				}
				// The parser holds no whole event.
				Throwable failure = this.parser.failure();
				if (failure != null) {
					terminate(failure);
					return;
				}
				if (!done) {
					if (!this.awaitingChunk && this.requested != 0) {
						this.awaitingChunk = true;
						this.upstream.request(1);
					}
					return;
				}
				Throwable error = this.upstreamError;
				if (error != null) {
					terminate(error);
					return;
				}
				if (this.ended) {
					Throwable end;
					try {
						end = this.reader.end();
					}
					catch (Throwable ex) {
						Exceptions.throwIfJvmFatal(ex);
						end = ex;
					}
					terminate(end);
					return;
				}
				// The last line and the event still open, if any.
				this.ended = true;
				this.parser.finish();
			}
		}

		/**
		 * Reads and emits events while there is demand.
		 * @return {@code true} if the parser holds no whole event, {@code false} if one waits for demand or
		 * the stream ended or was cancelled
		 */
		private boolean emit() {
			ServerSentEventParser parser = this.parser;
			long requested = this.requested;
			long emitted = 0;
			boolean drained;
			for (;;) {
				if (this.cancelled) {
					drained = false;
					break;
				}
				if (!this.ready) {
					this.ready = parser.next();
					if (!this.ready) {
						drained = true;
						break;
					}
				}
				if (emitted == requested) {
					requested = this.requested;
					if (emitted == requested) {
						drained = false;
						break;
					}
				}
				this.ready = false;
				T value;
				try {
					value = this.reader.read(parser.event(), parser.data(), parser.dataOffset(), parser.dataLength(),
							parser.id());
				}
				catch (Throwable ex) {
					Exceptions.throwIfJvmFatal(ex);
					terminate(ex);
					return false;
				}
				if (value == null) {
					end();
					return false;
				}
				this.actual.onNext(value);
				emitted++;
			}
			if (emitted != 0 && requested != Long.MAX_VALUE) {
				REQUESTED.addAndGet(this, -emitted);
			}
			return drained;
		}

		private void terminate(@Nullable Throwable error) {
			this.terminated = true;
			this.ready = false;
			if (!this.upstreamDone) {
				cancelUpstream();
			}
			releaseChunk();
			if (error != null) {
				this.actual.onError(error);
			}
			else {
				this.actual.onComplete();
			}
		}

		/**
		 * Completes the subscriber where the reader ended the stream, then, rather than cancelling the rest of
		 * the body at once, which closes the connection, reads on for a moment: a body that ends right after,
		 * as a server's does after {@code done}, leaves the connection to the pool for the next call. Any byte
		 * after the end, a failure, a cancellation or the end of the moment cancels the body.
		 */
		private void end() {
			this.terminated = true;
			this.ready = false;
			releaseChunk();
			this.actual.onComplete();
			if (this.upstreamDone || this.upstreamCancelled) {
				return;
			}
			try {
				this.lingerTimer = Schedulers.parallel().schedule(this::lingerExpired, LINGER_MILLIS,
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				cancelUpstream();
				return;
			}
			this.lingering = true;
			this.awaitingChunk = true;
			this.upstream.request(1);
		}

		private void lingerExpired() {
			this.lingerTimedOut = true;
			drain();
		}

		/**
		 * Waits for the end of the body after the end of the stream, in the drain loop.
		 */
		private void linger() {
			DataBuffer buffer = CHUNK.getAndSet(this, null);
			boolean empty = true;
			if (buffer != null) {
				empty = buffer.readableByteCount() == 0;
				DataBufferUtils.release(buffer);
				this.awaitingChunk = false;
			}
			if (this.upstreamDone) {
				stopLingering();
			}
			else if (!empty || this.cancelled || this.lingerTimedOut) {
				stopLingering();
				cancelUpstream();
			}
			else if (!this.awaitingChunk) {
				this.awaitingChunk = true;
				this.upstream.request(1);
			}
		}

		private void stopLingering() {
			this.lingering = false;
			Disposable timer = this.lingerTimer;
			if (timer != null) {
				timer.dispose();
			}
		}

		private void cancelUpstream() {
			if (!this.upstreamCancelled) {
				this.upstreamCancelled = true;
				this.upstream.cancel();
			}
		}

		private void releaseChunk() {
			DataBuffer buffer = CHUNK.getAndSet(this, null);
			if (buffer != null) {
				DataBufferUtils.release(buffer);
			}
		}

		@Override
		public @Nullable Object scanUnsafe(Attr key) {
			if (key == Attr.PARENT) {
				return this.upstream;
			}
			if (key == Attr.ACTUAL) {
				return this.actual;
			}
			if (key == Attr.CANCELLED) {
				return this.cancelled;
			}
			if (key == Attr.TERMINATED) {
				return this.upstreamDone;
			}
			if (key == Attr.REQUESTED_FROM_DOWNSTREAM) {
				return this.requested;
			}
			if (key == Attr.PREFETCH) {
				return 1;
			}
			if (key == Attr.RUN_STYLE) {
				return Attr.RunStyle.SYNC;
			}
			return null;
		}

	}

}
