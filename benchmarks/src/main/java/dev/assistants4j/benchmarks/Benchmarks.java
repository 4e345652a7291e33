package dev.assistants4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.client.okhttp.OpenAIOkHttpClientAsync;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.core.http.StreamResponse;
import com.openai.models.beta.threads.runs.RunCreateParams;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.assistants4j.client.AssistantsClient;
import dev.assistants4j.model.assistant.Assistant;
import dev.assistants4j.model.message.Message;
import dev.assistants4j.model.message.MessageContentDelta;
import dev.assistants4j.model.message.MessageListParams;
import dev.assistants4j.model.run.CreateRunRequest;
import dev.assistants4j.stream.AssistantStreamEvent;

/**
 * Measures, in one run and in alternating order, our client, openai-java (async and blocking) and a raw
 * reactor-netty + Jackson tree client against {@link StubServer} started in a child JVM; prints Markdown.
 * System properties: {@code bench.iterations} (measured, default 5), {@code bench.warmups} (default 2),
 * {@code bench.scale} (multiplies the operations per iteration, default 1.0).
 */
public final class Benchmarks {

	static final String OURS = "ours";
	static final String OA_ASYNC = "openai-java async";
	static final String OA_BLOCKING = "openai-java blocking";
	static final String RAW = "raw netty+Jackson";

	static final int EVENTS_PER_RUN = StubServer.DELTAS + StubServer.LIFECYCLE_EVENTS;
	static final long TEXT_PER_RUN = StubServer.expectedStreamTextLength();

	static final com.sun.management.ThreadMXBean THREADS =
			(com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
	static final com.sun.management.OperatingSystemMXBean OS =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	/** One operation: completes with the number of checked units (1 per call, events per stream). */
	interface Op extends Supplier<Mono<Long>> {
	}

	record Scenario(String name, int concurrency, int ops, long unitsPerOp, String unit) {
	}

	record Sample(double unitsPerSecond, double bytesPerUnit, double cpuMicrosPerUnit) {
	}

	public static void main(String[] args) throws Exception {
		int iterations = Integer.getInteger("bench.iterations", 5);
		int warmups = Integer.getInteger("bench.warmups", 2);
		double scale = Double.parseDouble(System.getProperty("bench.scale", "1.0"));
		THREADS.setThreadAllocatedMemoryEnabled(true);
		THREADS.setThreadCpuTimeEnabled(true);

		Process stub = startStub();
		try {
			run(stub, iterations, warmups, scale);
		}
		finally {
			stub.getOutputStream().close();
			stub.destroy();
		}
		System.exit(0);
	}

	private static Process startStub() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx256m", "-XX:+UseParallelGC", "-cp",
				System.getProperty("java.class.path"), StubServer.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		return p;
	}

	private static void run(Process stub, int iterations, int warmups, double scale) throws Exception {
		BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
		String portLine = out.readLine();
		String sizes = out.readLine();
		if (portLine == null || !portLine.startsWith("PORT ")) {
			throw new IllegalStateException("stub did not start: " + portLine);
		}
		int port = Integer.parseInt(portLine.substring(5).trim());
		String base = "http://127.0.0.1:" + port;

		// --- ours
		AssistantsClient ours = AssistantsClient.builder().token("sk-bench").baseUrl(base + "/v1").maxRetries(0).build();
		// --- openai-java (its OkHttp dispatcher still allows at most 5 requests per host in flight when async)
		OpenAIClientAsync oaAsync = OpenAIOkHttpClientAsync.builder().apiKey("sk-bench").baseUrl(base + "/v1")
			.maxRetries(0).maxIdleConnections(512).keepAliveDuration(Duration.ofMinutes(5)).build();
		OpenAIClient oaBlocking = OpenAIOkHttpClient.builder().apiKey("sk-bench").baseUrl(base + "/v1")
			.maxRetries(0).maxIdleConnections(512).keepAliveDuration(Duration.ofMinutes(5)).build();
		ThreadPoolExecutor blockingPool = (ThreadPoolExecutor) Executors.newFixedThreadPool(256);
		blockingPool.prestartAllCoreThreads();
		Scheduler blocking = Schedulers.fromExecutorService(blockingPool);
		// --- raw
		ConnectionProvider rawPool = ConnectionProvider.builder("raw").maxConnections(512).pendingAcquireMaxCount(-1)
			.build();
		HttpClient raw = HttpClient.create(rawPool).baseUrl(base)
			.headers(h -> h.set("Authorization", "Bearer sk-bench").set("OpenAI-Beta", "assistants=v2")
				.set("Accept", "application/json"));
		ObjectMapper mapper = new JsonMapper();

		String aid = StubServer.ASSISTANT_ID;
		String tid = StubServer.THREAD_ID;
		MessageListParams ourListParams = MessageListParams.builder().limit(100).build();
		com.openai.models.beta.threads.messages.MessageListParams oaListParams =
				com.openai.models.beta.threads.messages.MessageListParams.builder().limit(100).build();
		RunCreateParams oaRunParams = RunCreateParams.builder().threadId(tid).assistantId(aid).build();
		String rawRunBody = "{\"assistant_id\":\"" + aid + "\",\"stream\":true}";

		Map<String, Op> retrieve = new LinkedHashMap<>();
		retrieve.put(OURS, () -> ours.assistants().retrieve(aid).map(Benchmarks::check));
		retrieve.put(OA_ASYNC, () -> Mono.fromFuture(() -> oaAsync.beta().assistants().retrieve(aid)).map(Benchmarks::check));
		retrieve.put(OA_BLOCKING, () -> Mono.fromCallable(() -> check(oaBlocking.beta().assistants().retrieve(aid)))
			.subscribeOn(blocking));
		retrieve.put(RAW, () -> raw.get().uri("/v1/assistants/" + aid)
			.responseSingle((res, body) -> status(res.status().code()).then(body.asInputStream()))
			.map(in -> checkAssistant(read(mapper, in))));

		Map<String, Op> list = new LinkedHashMap<>();
		list.put(OURS, () -> ours.messages().listPage(tid, ourListParams).map(p -> checkPage(p.data())));
		list.put(OA_ASYNC, () -> Mono.fromFuture(() -> oaAsync.beta().threads().messages().list(tid, oaListParams))
			.map(p -> checkOaPage(p.data())));
		list.put(OA_BLOCKING, () -> Mono.fromCallable(
				() -> checkOaPage(oaBlocking.beta().threads().messages().list(tid, oaListParams).data()))
			.subscribeOn(blocking));
		list.put(RAW, () -> raw.get().uri("/v1/threads/" + tid + "/messages?limit=100")
			.responseSingle((res, body) -> status(res.status().code()).then(body.asInputStream()))
			.map(in -> checkRawPage(read(mapper, in))));

		Map<String, Op> stream = new LinkedHashMap<>();
		CreateRunRequest ourRun = CreateRunRequest.builder(aid).build();
		stream.put(OURS, () -> Mono.defer(() -> {
			StreamCheck c = new StreamCheck();
			return ours.runs().createStream(tid, ourRun).doOnNext(c::ours).then(Mono.fromCallable(c::result));
		}));
		stream.put(OA_ASYNC, () -> Mono.defer(() -> {
			StreamCheck c = new StreamCheck();
			AsyncStreamResponse<com.openai.models.beta.assistants.AssistantStreamEvent> r =
					oaAsync.beta().threads().runs().createStreaming(oaRunParams);
			r.subscribe(c::openai);
			return Mono.fromFuture(r.onCompleteFuture()).then(Mono.fromCallable(c::result));
		}));
		stream.put(OA_BLOCKING, () -> Mono.fromCallable(() -> {
			StreamCheck c = new StreamCheck();
			try (StreamResponse<com.openai.models.beta.assistants.AssistantStreamEvent> r =
					oaBlocking.beta().threads().runs().createStreaming(oaRunParams)) {
				r.stream().forEach(c::openai);
			}
			return c.result();
		}).subscribeOn(blocking));
		stream.put(RAW, () -> Mono.defer(() -> {
			RawSse c = new RawSse(mapper);
			return raw.headers(h -> h.set("Content-Type", "application/json").set("Accept", "text/event-stream"))
				.post().uri("/v1/threads/" + tid + "/runs")
				.send(ByteBufFlux.fromString(Mono.just(rawRunBody)))
				.response((res, body) -> status(res.status().code()).thenMany(body.doOnNext(c::feed)))
				.then(Mono.fromCallable(c.check::result));
		}));

		List<Scenario> scenarios = List.of(
				// About a second per iteration for our client: shorter ones made the spread as wide as ±40 %.
				new Scenario("retrieve assistant", 1, (int) (8000 * scale), 1, "calls"),
				new Scenario("retrieve assistant", 16, (int) (30000 * scale), 1, "calls"),
				new Scenario("retrieve assistant", 256, (int) (30000 * scale), 1, "calls"),
				new Scenario("list 100 messages", 16, (int) (4000 * scale), 1, "calls"),
				new Scenario("stream a run", 1, Math.max(1, (int) (48 * scale)), EVENTS_PER_RUN, "events"),
				new Scenario("stream a run", 8, Math.max(8, (int) (96 * scale)), EVENTS_PER_RUN, "events"));

		// -Dbench.only=stream and -Dbench.clients=ours narrow a run, e.g. to profile one scenario.
		String only = System.getProperty("bench.only", "");
		List<String> onlyClients = Arrays.asList(System.getProperty("bench.clients", "").split(","));
		scenarios = scenarios.stream().filter(sc -> sc.name().startsWith(only)).toList();
		StringBuilder report = new StringBuilder();
		StringBuilder ratios = new StringBuilder();
		report.append("| scenario | in flight | client | ").append("throughput (median) | spread (min–max) | ")
			.append("allocated / op (stream: / event) | CPU / op (stream: / event) | errors |\n|---|---:|---|---:|---|---:|---:|---|\n");
		ratios.append("| scenario | in flight | ours / raw (throughput) | ours / raw (bytes) | ")
			.append("ours / best openai-java (throughput) | ours / best openai-java (bytes) |\n")
			.append("|---|---:|---:|---:|---:|---:|\n");
		long started = System.nanoTime();
		for (Scenario s : scenarios) {
			Map<String, Op> ops = s.name().startsWith("retrieve") ? retrieve
					: s.name().startsWith("list") ? list : stream;
			List<String> clients = new ArrayList<>(ops.keySet());
			if (!onlyClients.get(0).isEmpty()) {
				clients.retainAll(onlyClients);
			}
			Map<String, List<Sample>> samples = new LinkedHashMap<>();
			Map<String, String> errors = new LinkedHashMap<>();
			clients.forEach(c -> samples.put(c, new ArrayList<>()));
			for (int it = -warmups; it < iterations; it++) {
				List<String> order = new ArrayList<>(clients);
				java.util.Collections.rotate(order, Math.floorMod(it, order.size()));
				if ((it & 1) == 1) {
					java.util.Collections.reverse(order);
				}
				for (String client : order) {
					if (errors.containsKey(client)) {
						continue;
					}
					try {
						Sample sample = measure(s, ops.get(client));
						if (it >= 0) {
							samples.get(client).add(sample);
						}
					}
					catch (Throwable ex) {
						errors.put(client, ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage())
							.lines().findFirst().orElse(""));
						System.err.println("[" + s.name() + " @" + s.concurrency() + "] " + client + " failed: " + ex);
					}
				}
			}
			Map<String, double[]> med = new LinkedHashMap<>();
			for (String client : clients) {
				List<Sample> l = samples.get(client);
				String unit = s.unit().equals("events") ? "events/s" : "calls/s";
				if (l.isEmpty()) {
					report.append(row(s, client, "–", "–", "–", "–", errors.getOrDefault(client, "no sample")));
					continue;
				}
				double[] tput = l.stream().mapToDouble(Sample::unitsPerSecond).sorted().toArray();
				double bytes = median(l.stream().mapToDouble(Sample::bytesPerUnit).toArray());
				double cpu = median(l.stream().mapToDouble(Sample::cpuMicrosPerUnit).toArray());
				double m = median(tput);
				med.put(client, new double[] { m, bytes });
				report.append(row(s, client, String.format(Locale.ROOT, "%,.0f %s", m, unit),
						String.format(Locale.ROOT, "%,.0f–%,.0f (±%.0f %%)", tput[0], tput[tput.length - 1],
								50 * (tput[tput.length - 1] - tput[0]) / m),
						(bytes >= 10_240) ? String.format(Locale.ROOT, "%,.1f KB", bytes / 1024)
								: String.format(Locale.ROOT, "%,.0f B", bytes),
						String.format(Locale.ROOT, (cpu >= 10) ? "%,.0f µs" : "%,.2f µs", cpu),
						errors.getOrDefault(client, "")));
			}
			double[] o = med.get(OURS);
			double[] r = med.get(RAW);
			double[] best = null;
			for (String c : List.of(OA_ASYNC, OA_BLOCKING)) {
				double[] v = med.get(c);
				if (v != null && (best == null || v[0] > best[0])) {
					best = v;
				}
			}
			ratios.append("| ").append(s.name()).append(" | ").append(s.concurrency()).append(" | ")
				.append(ratio(o, r, 0)).append(" | ").append(ratio(o, r, 1)).append(" | ")
				.append(ratio(o, best, 0)).append(" | ").append(ratio(o, best, 1)).append(" |\n");
			System.err.printf(Locale.ROOT, "done: %s @%d (%.0f s so far)%n", s.name(), s.concurrency(),
					(System.nanoTime() - started) / 1e9);
		}
		System.out.println("## Results\n");
		System.out.println(report);
		System.out.println("## Ratios (medians; bytes are allocated bytes per call or per event)\n");
		System.out.println(ratios);
		System.out.printf(Locale.ROOT, "%d warm-up + %d measured iterations per client and scenario, order rotated and "
				+ "alternated each iteration; %s; stub %s; JDK %s on %s %s, %d cores; total %.0f s.%n", warmups,
				iterations, "allocation = sum of ThreadMXBean#getThreadAllocatedBytes over live threads", sizes,
				System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
				Runtime.getRuntime().availableProcessors(), (System.nanoTime() - started) / 1e9);
		blockingPool.shutdownNow();
	}

	private static String row(Scenario s, String client, String tput, String spread, String kb, String cpu,
			String errors) {
		return "| " + s.name() + " | " + s.concurrency() + " | " + client + " | " + tput + " | " + spread + " | "
				+ kb + " | " + cpu + " | " + errors + " |\n";
	}

	private static String ratio(double[] a, double[] b, int i) {
		return (a == null || b == null) ? "–" : String.format(Locale.ROOT, "%.2f×", a[i] / b[i]);
	}

	private static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		int n = s.length;
		return (n % 2 == 1) ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	}

	private static Sample measure(Scenario s, Op op) {
		System.gc();
		long a0 = allocatedBytes();
		long c0 = OS.getProcessCpuTime();
		long t0 = System.nanoTime();
		Long units = Flux.range(0, s.ops()).flatMap(i -> op.get(), s.concurrency(), 1)
			.reduce(0L, Long::sum)
			.block(Duration.ofMinutes(3));
		long t1 = System.nanoTime();
		long c1 = OS.getProcessCpuTime();
		long a1 = allocatedBytes();
		long expected = (long) s.ops() * s.unitsPerOp();
		if (units == null || units != expected) {
			throw new IllegalStateException("checked " + units + " units, expected " + expected);
		}
		return new Sample(expected / ((t1 - t0) / 1e9), (double) (a1 - a0) / expected, (c1 - c0) / 1e3 / expected);
	}

	/** Sum over the live threads (Java 17 has no getTotalThreadAllocatedBytes; it came in 21). */
	static long allocatedBytes() {
		long[] ids = THREADS.getAllThreadIds();
		long sum = 0;
		for (long v : THREADS.getThreadAllocatedBytes(ids)) {
			if (v > 0) {
				sum += v;
			}
		}
		return sum;
	}

	static Mono<Void> status(int code) {
		return (code == 200) ? Mono.empty() : Mono.error(new IllegalStateException("HTTP " + code));
	}

	static JsonNode read(ObjectMapper mapper, InputStream in) {
		try (in) {
			return mapper.readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static long fail(String what) {
		throw new IllegalStateException("decoded wrong: " + what);
	}

	static long check(Assistant a) {
		return (StubServer.ASSISTANT_ID.equals(a.id()) && a.tools().size() == StubServer.TOOLS
				&& "gpt-4o".equals(a.model())) ? 1 : fail("assistant " + a.id());
	}

	static long check(com.openai.models.beta.assistants.Assistant a) {
		return (StubServer.ASSISTANT_ID.equals(a.id()) && a.tools().size() == StubServer.TOOLS
				&& "gpt-4o".equals(a.model())) ? 1 : fail("assistant " + a.id());
	}

	static long checkAssistant(JsonNode a) {
		return (StubServer.ASSISTANT_ID.equals(a.get("id").asString()) && a.get("tools").size() == StubServer.TOOLS
				&& "gpt-4o".equals(a.get("model").asString())) ? 1 : fail("assistant " + a.get("id"));
	}

	static long checkPage(List<Message> data) {
		return (data.size() == StubServer.PAGE_SIZE && "msg_000".equals(data.get(0).id())
				&& "msg_099".equals(data.get(99).id()) && data.get(99).content().size() == 1) ? 1 : fail("page");
	}

	static long checkOaPage(List<com.openai.models.beta.threads.messages.Message> data) {
		return (data.size() == StubServer.PAGE_SIZE && "msg_000".equals(data.get(0).id())
				&& "msg_099".equals(data.get(99).id()) && data.get(99).content().size() == 1) ? 1 : fail("page");
	}

	static long checkRawPage(JsonNode page) {
		JsonNode data = page.get("data");
		return (data.size() == StubServer.PAGE_SIZE && "msg_000".equals(data.get(0).get("id").asString())
				&& "msg_099".equals(data.get(99).get("id").asString()) && data.get(99).get("content").size() == 1)
				? 1 : fail("page");
	}

	/** Counts events and checks the text of every delta. */
	static final class StreamCheck {

		long events;

		long deltas;

		long text;

		boolean completed;

		void ours(AssistantStreamEvent e) {
			this.events++;
			if (e instanceof AssistantStreamEvent.MessageDeltaEvent d) {
				this.deltas++;
				MessageContentDelta part = d.delta().delta().content().get(0);
				this.text += ((MessageContentDelta.Text) part).text().value().length();
			}
			else if (e instanceof AssistantStreamEvent.RunEvent r && "thread.run.completed".equals(r.event())) {
				this.completed = "run_bench0001".equals(r.run().id());
			}
		}

		void openai(com.openai.models.beta.assistants.AssistantStreamEvent e) {
			this.events++;
			if (e.isThreadMessageDelta()) {
				this.deltas++;
				this.text += e.asThreadMessageDelta().data().delta().content().orElseThrow().get(0).asText().text()
					.orElseThrow().value().orElseThrow().length();
			}
			else if (e.isThreadRunCompleted()) {
				this.completed = "run_bench0001".equals(e.asThreadRunCompleted().data().id());
			}
		}

		long result() {
			if (this.events != EVENTS_PER_RUN || this.deltas != StubServer.DELTAS || this.text != TEXT_PER_RUN
					|| !this.completed) {
				fail("stream: events=" + this.events + " deltas=" + this.deltas + " text=" + this.text + " completed="
						+ this.completed);
			}
			return this.events;
		}

	}

	/** The practical limit: split lines in the ByteBufs, parse each data line into a Jackson tree. */
	static final class RawSse {

		final ObjectMapper mapper;

		final StreamCheck check = new StreamCheck();

		byte[] line = new byte[16 * 1024];

		int len;

		String event = "message";

		RawSse(ObjectMapper mapper) {
			this.mapper = mapper;
		}

		void feed(ByteBuf buf) {
			int from = buf.readerIndex();
			int end = buf.writerIndex();
			while (from < end) {
				int lf = buf.forEachByte(from, end - from, ByteProcessor.FIND_LF);
				int to = (lf < 0) ? end : lf;
				int n = to - from;
				if (this.len + n > this.line.length) {
					this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, this.len + n));
				}
				buf.getBytes(from, this.line, this.len, n);
				this.len += n;
				if (lf < 0) {
					break;
				}
				line();
				this.len = 0;
				from = lf + 1;
			}
		}

		private boolean startsWith(byte[] prefix) {
			if (this.len < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if (this.line[i] != prefix[i]) {
					return false;
				}
			}
			return true;
		}

		private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);

		private void line() {
			if (startsWith(EVENT)) {
				this.event = new String(this.line, EVENT.length, this.len - EVENT.length, StandardCharsets.UTF_8);
			}
			else if (startsWith(DATA)) {
				if ("done".equals(this.event)) {
					return;
				}
				JsonNode node = this.mapper.readTree(this.line, DATA.length, this.len - DATA.length);
				this.check.events++;
				if ("thread.message.delta".equals(this.event)) {
					this.check.deltas++;
					this.check.text += node.get("delta").get("content").get(0).get("text").get("value").asString()
						.length();
				}
				else if ("thread.run.completed".equals(this.event)) {
					this.check.completed = "run_bench0001".equals(node.get("id").asString());
				}
			}
		}

	}


}
