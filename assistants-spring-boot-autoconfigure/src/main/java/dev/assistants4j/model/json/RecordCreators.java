package dev.assistants4j.model.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedWithParams;

/**
 * Calls the canonical constructors of the wire model's records through a method handle prepared once. Jackson
 * 3.1 calls a properties-based creator with {@code MethodHandle.invokeWithArguments}, which builds a spreading
 * adapter on every call: for the small records of a stream event that was about a sixth of the time spent
 * decoding one. Only the creators of the wire model's own types are wrapped; anything else, and any creator
 * that is not a plain constructor, keeps Jackson's instantiator.
 */
final class RecordCreators implements ValueInstantiators {

	private static final String MODEL_PACKAGE = "dev.assistants4j.model";

	private static final MethodType SPREAD_TYPE = MethodType.methodType(Object.class, Object[].class);

	@Override
	public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
			BeanDescription.Supplier beanDescRef) {
		return null;
	}

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
			BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
		return wrap(beanDescRef.getBeanClass(), defaultInstantiator);
	}

	static ValueInstantiator wrap(Class<?> type, ValueInstantiator instantiator) {
		if (!type.getPackageName().startsWith(MODEL_PACKAGE) || !instantiator.canCreateFromObjectWith()) {
			return instantiator;
		}
		MethodHandle handle = spreader(instantiator.getWithArgsCreator());
		return (handle != null) ? new Fast(instantiator, handle) : instantiator;
	}

	private static @Nullable MethodHandle spreader(@Nullable AnnotatedWithParams creator) {
		if (!(creator instanceof AnnotatedConstructor constructor)) {
			return null;
		}
		Constructor<?> target = constructor.getAnnotated();
		try {
			return MethodHandles.lookup()
				.unreflectConstructor(target)
				.asSpreader(Object[].class, target.getParameterCount())
				.asType(SPREAD_TYPE);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			// Not accessible from here (Jackson may still reach it by reflection): leave it to Jackson.
			return null;
		}
	}

	/**
	 * Jackson's instantiator with the constructor call replaced; everything else is delegated.
	 */
	static final class Fast extends ValueInstantiator.Delegating {

		private static final long serialVersionUID = 1L;

		private final transient @Nullable MethodHandle constructor;

		Fast(ValueInstantiator delegate, MethodHandle constructor) {
			super(delegate);
			this.constructor = constructor;
		}

		@Override
		public ValueInstantiator createContextual(DeserializationContext context,
				BeanDescription.Supplier beanDescRef) {
			ValueInstantiator contextual = delegate().createContextual(context, beanDescRef);
			return (contextual == delegate()) ? this : wrap(contextual.getValueClass(), contextual);
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
				PropertyValueBuffer buffer) throws JacksonException {
			// Delegating passes this one on whole, which would reach Jackson's own constructor call.
			return createFromObjectWith(context, buffer.getParameters(context, properties));
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
			MethodHandle handle = this.constructor;
			if (handle != null) {
				try {
					return (Object) handle.invokeExact(args);
				}
				catch (VirtualMachineError ex) {
					throw ex;
				}
				catch (Throwable ex) {
					// A compact constructor that refused its arguments, or a runtime where the handle cannot be
					// called: let Jackson call the constructor again and report any failure as it always does
					// (records are immutable values, a second call changes nothing).
				}
			}
			return delegate().createFromObjectWith(context, args);
		}

	}

}
