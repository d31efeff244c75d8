package dev.migration.samplejpa.shop;

/** How loyal a customer has been. */
public enum LoyaltyTier {

	/** Where every customer starts. */
	BRONZE,

	/** After some orders. */
	SILVER,

	/** After many orders. */
	GOLD

}
