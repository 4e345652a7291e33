package dev.assistants4j.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The per-connection response timer, driven on a frozen clock: it runs from the end of a request to the end
 * of its answer, every read moves the deadline, and a connection resting in the pool is never cut.
 */
class ResponseTimeoutsTests {

	private static final long TIMEOUT_MS = 1_000;

	private long now;

	private EmbeddedChannel channel;

	@BeforeEach
	void connect() {
		this.channel = new EmbeddedChannel(new ResponseTimeouts.Handler(() -> this.now));
		this.channel.freezeTime();
		this.channel.attr(ResponseTimeouts.TIMEOUT).set(Duration.ofMillis(TIMEOUT_MS).toNanos());
	}

	@Test
	void silenceLongerThanTheTimeoutAfterTheRequestFailsTheExchangeAndClosesTheConnection() {
		sendRequest();
		advance(TIMEOUT_MS - 1);
		assertOpenWithoutFailure();
		advance(1);
		assertThatExceptionOfType(ReadTimeoutException.class).isThrownBy(this.channel::checkException);
		assertThat(this.channel.isOpen()).isFalse();
	}

	@Test
	void timerStartsOnlyOnceTheWholeRequestIsWritten() {
		this.channel.writeOutbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/files"));
		advance(3 * TIMEOUT_MS);
		assertOpenWithoutFailure();
		this.channel.writeOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] { 1, 2 })));
		advance(3 * TIMEOUT_MS);
		assertOpenWithoutFailure();
		this.channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
		advance(TIMEOUT_MS);
		assertThatExceptionOfType(ReadTimeoutException.class).isThrownBy(this.channel::checkException);
	}

	@Test
	void everyReadMovesTheDeadlineSoASlowButSteadyAnswerCompletes() {
		sendRequest();
		advance(TIMEOUT_MS - 100);
		receive(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		for (int i = 0; i < 5; i++) {
			advance(TIMEOUT_MS - 100);
			receive(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] { 'x' })));
		}
		advance(TIMEOUT_MS - 100);
		receive(LastHttpContent.EMPTY_LAST_CONTENT);
		advance(10 * TIMEOUT_MS);
		assertOpenWithoutFailure();
	}

	@Test
	void connectionRestingInThePoolIsNeverCutAndItsNextExchangeGetsAFullTimeout() {
		sendRequest();
		advance(100);
		receive(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		receive(LastHttpContent.EMPTY_LAST_CONTENT);
		advance(5 * TIMEOUT_MS);
		assertOpenWithoutFailure();
		// The timer the first exchange left behind must not cut the second one short.
		sendRequest();
		advance(TIMEOUT_MS - 1);
		assertOpenWithoutFailure();
		advance(1);
		assertThatExceptionOfType(ReadTimeoutException.class).isThrownBy(this.channel::checkException);
	}

	@Test
	void timerLeftByALongerTimeoutDoesNotDelayAShorterOne() {
		this.channel.attr(ResponseTimeouts.TIMEOUT).set(Duration.ofMillis(60 * TIMEOUT_MS).toNanos());
		sendRequest();
		advance(100);
		receive(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
		receive(LastHttpContent.EMPTY_LAST_CONTENT);
		this.channel.attr(ResponseTimeouts.TIMEOUT).set(Duration.ofMillis(TIMEOUT_MS).toNanos());
		sendRequest();
		advance(TIMEOUT_MS);
		assertThatExceptionOfType(ReadTimeoutException.class).isThrownBy(this.channel::checkException);
	}

	@Test
	void exchangeWithoutATimeoutIsNeverTimed() {
		this.channel.attr(ResponseTimeouts.TIMEOUT).set(0L);
		sendRequest();
		advance(100 * TIMEOUT_MS);
		assertOpenWithoutFailure();
	}

	@Test
	void closingTheConnectionCancelsTheTimer() {
		sendRequest();
		this.channel.close();
		advance(10 * TIMEOUT_MS);
		assertThatNoException().isThrownBy(this.channel::checkException);
	}

	private void sendRequest() {
		this.channel.writeOutbound(
				new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/assistants/asst_1"));
		this.channel.outboundMessages().clear();
	}

	private void receive(Object message) {
		this.channel.writeInbound(message);
		this.channel.inboundMessages().clear();
	}

	private void advance(long millis) {
		this.now += TimeUnit.MILLISECONDS.toNanos(millis);
		this.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
		this.channel.runScheduledPendingTasks();
	}

	private void assertOpenWithoutFailure() {
		assertThatNoException().isThrownBy(this.channel::checkException);
		assertThat(this.channel.isOpen()).isTrue();
	}

}
