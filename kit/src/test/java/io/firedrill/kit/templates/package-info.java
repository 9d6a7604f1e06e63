/** Tests of the cohort templates of {@code kit/templates}: their steps run as the engines run them. */
package io.firedrill.kit.templates;
