#!/usr/bin/env python3
"""Write synthetic UK-style person records for the encode benchmark (no real personal data).

    python3 generate_records.py N OUTPUT.csv [--seed S]

Columns: record_id,given_name,family_name,sex,dob,postcode
  given_name   from a built-in list of a few hundred forenames (some hyphenated, some with an
               apostrophe, a few non-ASCII such as Zoë or Siân), matched to sex most of the time
  family_name  from a built-in list of a few hundred surnames (hyphenated, O'/D' forms, a few
               non-ASCII); ~3% empty
  sex          M or F
  dob          YYYY-MM-DD, 2005-01-01 to 2022-12-31
  postcode     plausible UK formats (A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA), a few
               without the space or in lower case; ~3% empty
Deterministic for a given seed. Standard library only.
"""
import argparse
import csv
import datetime
import random

FEMALE = """
Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Willow Freya Florence Emily Ella
Poppy Evie Elsie Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia
Maya Millie Isabelle Hallie Eva Luna Esme Jessica Penelope Aria Layla Scarlett Violet Imogen Erin
Eliza Eleanor Bonnie Maisie Harriet Thea Mila Georgia Orla Lottie Chloe Nancy Emma Holly Hannah Robyn
Lucy Ellie Amber Megan Bethany Lauren Abigail Niamh Caitlin Katie Rebecca Leah Jasmine Molly Zara
Aisha Fatima Maryam Amira Zainab Hafsa Khadija Anaya Priya Aaliyah Nadia Leila Yasmin Mariam Safiya
Ananya Divya Simran Harleen Jaspreet Chioma Adaeze Amara Ngozi Folake Abena Ama Precious Blessing
Kezia Tia Keira Demi Paige Courtney Shannon Jade Kayla Tegan Ffion Cerys Seren Carys Megane Eleri
Mared Gwen Rhian Ceri Aoife Saoirse Ciara Roisin Sinead Mairead Eilidh Isla-Rose Mary-Jane Lily-May
Ella-Rose Evie-Mae Amelia-Rose Ruby-Leigh Anne-Marie Lacey-Mae D'Arcy Zoë Siân Chloë Renée Noémie
Zoé Bríd Sìne Áine Léa Inès Małgorzata Zuzanna Oliwia Julia Wiktoria Natalia Alicja Maja Amélie
Beatrice Clara Edith Hazel Iris Juliet Martha Mabel Nell Ottilie Rose Sylvie Wren Aurora Bella
"""
MALE = """
Oliver George Noah Arthur Muhammad Leo Harry Oscar Archie Henry Theodore Freddie Jack Charlie Theo
Alfie Jacob Thomas Finley Arlo William Lucas Roman Tommy Isaac Teddy Alexander Luca Edward James
Joshua Albie Elijah Max Mohammed Reggie Hudson Sebastian Rory Jude Louie Ezra Frankie Ronnie Mason
Daniel Samuel Joseph Benjamin Ethan Dylan Logan Harrison Ryan Kai Tyler Callum Connor Jamie Liam
Lewis Kieran Declan Cian Oisin Padraig Eoin Cathal Niall Ruairi Rhys Dafydd Emyr Gethin Ioan Iwan
Osian Cai Macsen Tomos Hamish Angus Fraser Euan Lachlan Callan Ahmed Ali Hassan Hussain Ibrahim
Yusuf Zayn Omar Bilal Hamza Aryan Arjun Rohan Vihaan Dev Harjit Gurpreet Kofi Kwame Chidi Emeka
Tobenna Olumide Adebayo Jayden Kayden Brandon Reece Kane Bradley Jordan Nathan Aaron Kyle Shane
Jean-Luc Jean-Paul Billy-Joe Tommy-Lee Alfie-James Harley-Jay Rhys-Owen Leo-James D'Angelo O'Shea
Seán Eóin Siôn Zoltán Jérôme José Andrés Björn Jakub Szymon Mikołaj Filip Kacper Antoni Wojciech
Stanley Albert Ernest Walter Hugo Felix Jasper Otto Rufus Sonny Tobias Xavier Zachary Gabriel Adam
Caleb Elliot Finn Jenson Kit Luke Matthew Michael Patrick Peter Robert Simon Stephen Toby Vincent
"""
SURNAMES = """
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper
Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis
Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell
Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson
Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen Palmer Holmes
Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham
Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox
Ford Pearce Day Brooks West Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien
Watts Rose Booth Perry Ryan Grant Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett
Webster Hunter Gregory Carr Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins
Harding Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane Cooke
Bates Henderson Parry Burgess Bishop Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren
Nicholls Hamilton Byrne Sutton McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman
Watkins Moss McCarthy Chambers O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon
Doyle Wallace George Jordan Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles
Stevenson Stephenson Hammond Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan
Whitehead Mann Frost Lambert Stephens Blake Akhtar Lynch Goodwin Barton Woodward Thomson Cunningham
Quinn Barnett Baxter Bibi Clayton Nash Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes
Tucker Davidson Fowler Heath Norman Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson
Okafor Adeyemi Mensah Nwosu Chowdhury Rahman Uddin Islam Sharma Gupta Mistry Chauhan Nowak
Kowalski Wiśniewski Wójcik Kamińska Lewandowski Zieliński Ó Súilleabháin Müller Pérez Fernández
Núñez García Gómez Lefèvre Brontë Ní Bhriain Mac Giolla D'Souza D'Cruz D'Silva O'Reilly O'Sullivan
O'Donnell O'Hara O'Leary McKenzie MacLeod MacDonald McGregor ap Rhys Smith-Jones Lloyd-Davies
Wyn-Jones Taylor-Brown Fox-Pitt Hughes-Hallett Ahmed-Khan Rees-Mogg Parker-Bowles Clarke-Williams
Jones-Evans Owen-Thomas Bowes-Lyon Vaughan-Williams Heath-Stubbs
"""


def words(block):
    # Two-word surnames ("Ní Bhriain", "Mac Giolla", "ap Rhys", "Ó Súilleabháin") are written with a
    # space in the lists above and kept whole by joining the prefix to the next word.
    out, pending = [], None
    for w in block.split():
        if w in ("Ní", "Mac", "ap", "Ó"):
            pending = w
            continue
        out.append(f"{pending} {w}" if pending else w)
        pending = None
    return out


FEMALE_NAMES = words(FEMALE)
MALE_NAMES = words(MALE)
FAMILY_NAMES = words(SURNAMES)

# Postcode areas (one or two letters) and the inward-code letters allowed by Royal Mail.
AREAS_1 = ["B", "E", "G", "L", "M", "N", "S", "W"]
AREAS_2 = ("AB AL BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DH DL DN DT DY EC EH "
           "EN EX FK FY GL GU HA HD HG HP HR HU HX IG IP KT KY LA LD LE LN LS LU ME MK NE NG NN NP NR "
           "NW OL OX PE PL PO PR RG RH RM SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TF TN TQ TR TS "
           "TW UB WA WC WD WF WN WR WS WV YO").split()
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
THIRD_LETTERS = "ABCDEFGHJKPSTUW"      # A9A 9AA
FOURTH_LETTERS = "ABEHMNPRVWXY"        # AA9A 9AA


def postcode(rng):
    r = rng.random()
    if r < 0.20:
        outward = rng.choice(AREAS_1) + str(rng.randrange(1, 10))
    elif r < 0.30:
        outward = rng.choice(AREAS_1) + str(rng.randrange(10, 100))
    elif r < 0.35:
        outward = rng.choice(["E", "N", "W"]) + str(rng.randrange(1, 10)) + rng.choice(THIRD_LETTERS)
    elif r < 0.75:
        outward = rng.choice(AREAS_2) + str(rng.randrange(1, 10))
    elif r < 0.95:
        outward = rng.choice(AREAS_2) + str(rng.randrange(10, 100))
    else:
        outward = rng.choice(["EC", "SW", "WC", "NW", "SE"]) + str(rng.randrange(1, 10)) + rng.choice(FOURTH_LETTERS)
    inward = str(rng.randrange(10)) + rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    s = rng.random()
    if s < 0.05:
        return outward + inward                # no space
    if s < 0.07:
        return (outward + " " + inward).lower()
    return outward + " " + inward


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    start = datetime.date(2005, 1, 1).toordinal()
    span = datetime.date(2022, 12, 31).toordinal() - start + 1
    with open(args.output, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["record_id", "given_name", "family_name", "sex", "dob", "postcode"])
        for i in range(1, args.n + 1):
            sex = rng.choice("MF")
            names = FEMALE_NAMES if sex == "F" else MALE_NAMES
            if rng.random() < 0.02:                  # a few names not matching the recorded sex
                names = MALE_NAMES if sex == "F" else FEMALE_NAMES
            given = rng.choice(names)
            family = "" if rng.random() < 0.03 else rng.choice(FAMILY_NAMES)
            dob = datetime.date.fromordinal(start + rng.randrange(span)).isoformat()
            pc = "" if rng.random() < 0.03 else postcode(rng)
            w.writerow([f"R{i:07d}", given, family, sex, dob, pc])


if __name__ == "__main__":
    main()
