package dev.assistants4j.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The cursor parameters of a list request, checked as the service checks them: {@code limit} (1 to the
 * operation's maximum, 20 by default), {@code order} ({@code asc} or {@code desc}, the default),
 * {@code after} and {@code before}.
 */
record ListQuery(int limit, boolean ascending, @Nullable String after, @Nullable String before) {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	static ListQuery of(ServerRequest request) {
		return of(request, DEFAULT_LIMIT, MAX_LIMIT);
	}

	static ListQuery of(ServerRequest request, int defaultLimit, int maxLimit) {
		int limit = request.queryParam("limit").map((value) -> limit(value, maxLimit)).orElse(defaultLimit);
		String order = request.queryParam("order").orElse("desc");
		if (!order.equals("asc") && !order.equals("desc")) {
			throw WireError.invalidValue("order", order, List.of("asc", "desc"));
		}
		return new ListQuery(limit, order.equals("asc"), cursor(request, "after"), cursor(request, "before"));
	}

	private static int limit(String value, int max) {
		int limit;
		try {
			limit = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw WireError.invalid("Invalid 'limit': expected an integer, but got '" + value + "' instead.", "limit",
					"invalid_type");
		}
		if (limit < 1) {
			throw WireError.invalid("Invalid 'limit': integer below minimum value. Expected a value >= 1, but got "
					+ limit + " instead.", "limit", "integer_below_min_value");
		}
		if (limit > max) {
			throw WireError.invalid("Invalid 'limit': integer above maximum value. Expected a value <= " + max
					+ ", but got " + limit + " instead.", "limit", "integer_above_max_value");
		}
		return limit;
	}

	private static @Nullable String cursor(ServerRequest request, String name) {
		return request.queryParam(name).filter((value) -> !value.isBlank()).orElse(null);
	}

}
