package dev.assistants4j.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every public factory of the wire model ({@code builder(..)}, {@code of(..)}) and every method of its
 * builders that adds to a list or map, found by reflection: a {@code null} where the parameter is not
 * {@code @Nullable} is rejected, when called or at {@code build()}, with an {@link IllegalArgumentException}
 * that quotes the parameter's name, rather than failing later as a {@link NullPointerException} or reaching
 * the server. A plain setter takes {@code null} as "leave it to the server", so it is not listed. The client's own operations are covered by
 * {@code ArgumentValidationTests}.
 */
class RequestBuilderArgumentTests {

	private static final Path CLASSES = Paths.get("target/classes/dev/assistants4j/model");

	private static List<Class<?>> modelClasses() {
		try (Stream<Path> files = Files.walk(CLASSES)) {
			return files.map((file) -> CLASSES.getParent().getParent().getParent().relativize(file).toString())
				.filter((name) -> name.endsWith(".class") && !name.contains("package-info"))
				.map((name) -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
				.map(RequestBuilderArgumentTests::load)
				.filter((type) -> Modifier.isPublic(type.getModifiers()))
				.sorted(Comparator.comparing(Class::getName))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A factory or setter, with the type it is called on: a builder's setters include those it inherits.
	 */
	record EntryPoint(Class<?> type, Method method) {

		@Override
		public String toString() {
			return this.type.getName().replace("dev.assistants4j.model.", "") + "." + this.method.getName()
					+ Arrays.stream(this.method.getParameterTypes()).map(Class::getSimpleName).toList();
		}

	}

	/**
	 * The factories and setters: public static methods of model types that return one, and public methods
	 * of their concrete builders.
	 */
	private static List<EntryPoint> entryPoints() {
		List<EntryPoint> entryPoints = new ArrayList<>();
		for (Class<?> type : modelClasses()) {
			boolean builder = type.getSimpleName().endsWith("Builder") && !Modifier.isAbstract(type.getModifiers());
			Method[] candidates = builder ? type.getMethods() : type.getDeclaredMethods();
			for (Method method : candidates) {
				if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() == 0
						|| method.isSynthetic() || method.isBridge()
						|| !method.getDeclaringClass().getName().startsWith("dev.assistants4j.model")) {
					continue;
				}
				boolean isStatic = Modifier.isStatic(method.getModifiers());
				boolean factory = isStatic && !method.getName().equals("valueOf")
						&& (type.isAssignableFrom(method.getReturnType()) || method.getName().equals("builder"));
				// A plain setter takes null as "leave it to the server"; a value added to a list or map may not be null.
				boolean adder = builder && !isStatic
						&& (method.getName().matches("(add|put)[A-Z].*|include|role"));
				if (factory || adder) {
					entryPoints.add(new EntryPoint(type, method));
				}
			}
		}
		return entryPoints;
	}

	static Stream<Arguments> nullArguments() {
		List<Arguments> cases = new ArrayList<>();
		for (EntryPoint entryPoint : entryPoints()) {
			Parameter[] parameters = entryPoint.method().getParameters();
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i].getType().isPrimitive() || isNullable(parameters[i])) {
					continue;
				}
				cases.add(arguments(entryPoint + " " + parameters[i].getName(), entryPoint, i));
			}
		}
		return cases.stream();
	}

	private static boolean isNullable(Parameter parameter) {
		return parameter.getAnnotatedType().isAnnotationPresent(Nullable.class);
	}

	private static @Nullable Object sample(Class<?> type) {
		Map<Class<?>, Object> samples = Map.ofEntries(Map.entry(String.class, "x"), Map.entry(int.class, 1),
				Map.entry(Integer.class, 1), Map.entry(long.class, 1L), Map.entry(Long.class, 1L),
				Map.entry(double.class, 0.5), Map.entry(Double.class, 0.5), Map.entry(boolean.class, true),
				Map.entry(Boolean.class, true), Map.entry(List.class, List.of()), Map.entry(Map.class, Map.of()),
				Map.entry(Set.class, Set.of()), Map.entry(Path.class, Paths.get("pom.xml")),
				Map.entry(byte[].class, new byte[] { 1 }), Map.entry(Flux.class, Flux.empty()),
				Map.entry(Resource.class, new ByteArrayResource(new byte[] { 1 }) {
					@Override
					public String getFilename() {
						return "a.txt";
					}
				}));
		if (samples.containsKey(type)) {
			return samples.get(type);
		}
		if (type.isArray()) {
			return Array.newInstance(type.getComponentType(), 0);
		}
		try {
			// Open enums and other value types with a factory from a string.
			return type.getMethod("of", String.class).invoke(null, "x");
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	private static @Nullable Object target(EntryPoint entryPoint) throws ReflectiveOperationException {
		if (Modifier.isStatic(entryPoint.method().getModifiers())) {
			return null;
		}
		Class<?> builder = entryPoint.type();
		Class<?> owner = builder.getEnclosingClass();
		for (Class<?> type : (owner != null) ? List.of(owner, builder) : List.of(builder)) {
			for (Method factory : type.getMethods()) {
				if (Modifier.isStatic(factory.getModifiers()) && factory.getName().equals("builder")
						&& builder.isAssignableFrom(factory.getReturnType())) {
					Object[] args = Arrays.stream(factory.getParameterTypes()).map(RequestBuilderArgumentTests::sample)
						.toArray();
					return factory.invoke(null, args);
				}
			}
		}
		throw new IllegalStateException("no way to create a " + builder.getName());
	}

	/**
	 * Calls the factory or setter, then builds what it returned if that is a builder, and returns what was
	 * thrown on the way, if anything: a required value may be checked when it is set or when it is built.
	 */
	private static @Nullable Throwable rejection(EntryPoint entryPoint, Object[] args) throws Exception {
		try {
			Object result = entryPoint.method().invoke(target(entryPoint), args);
			if (result != null && result.getClass().getSimpleName().endsWith("Builder")) {
				result.getClass().getMethod("build").invoke(result);
			}
			return null;
		}
		catch (InvocationTargetException ex) {
			return ex.getCause();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nullArguments")
	void nullIsRejectedWithTheParameterName(String label, EntryPoint entryPoint, int index) throws Exception {
		Object[] args = Arrays.stream(entryPoint.method().getParameterTypes())
			.map(RequestBuilderArgumentTests::sample)
			.toArray();
		args[index] = null;
		String name = entryPoint.method().getParameters()[index].getName();
		// An attribute's value is named by the attribute's key, "x" here; an included field by the list.
		String quoted = switch (entryPoint.method().getName()) {
			case "putAttribute" -> name.equals("value") ? "'x'" : "'" + name + "'";
			case "include" -> "'include'";
			default -> "'" + name + "'";
		};
		assertThat(rejection(entryPoint, args)).as(label).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(quoted);
	}

	@Test
	void everyRequestBuilderIsCovered() {
		assertThat(entryPoints()).extracting((entryPoint) -> entryPoint.method().getDeclaringClass().getSimpleName())
			.contains("Builder", "CreateAssistantRequest", "CreateMessageRequest", "SubmitToolOutputsRequest",
					"FileUpload", "MetadataBuilder", "AttributesBuilder");
		assertThat(nullArguments()).hasSizeGreaterThan(40);
	}

}
