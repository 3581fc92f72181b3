/**
 * The layouts this release has, in one list ({@link org.mailledger.projection.layouts.Layouts}),
 * and the Spring configuration that keeps those {@code mailledger.layouts} names. The only package
 * that knows every layout: the layouts themselves, the machinery they run on ({@code layout}) and
 * everything below know none by name, so the packages of {@code projection} form no cycle (an
 * architecture test in {@code ops} holds that).
 */
package org.mailledger.projection.layouts;
